/**
 * The numbers behind the Insights page, under one filter: totals and the contextual vs
 * environmental token split, composition by source, repo and model, resolved rates, the
 * distributions of steps, tokens and patch size, and review progress over time. Computed from
 * the in-memory corpus index (lib/search/corpus) over the episodes the one filter matches: one
 * pass per group-by over memory, where the same numbers as GROUP BY queries took seconds at a
 * million episodes. insights.db.test.ts checks them against independent SQL counts.
 */
import { z } from "zod";
import { episodeKinds } from "@/lib/formats/episode";
import type { EpisodeFilter } from "@/lib/search/filter";
import { reviewDays, tallyBy, tallyRows } from "@/lib/search/corpus/aggregate";
import { histogramOf, integerRanges, rangeColumn } from "@/lib/search/corpus/query";
import { matchedSlots } from "@/lib/search/facets";
import { histogramSchema } from "@/lib/search/histograms";
import type { Redaction } from "@/lib/search/redaction";
import {
  compositionSchema,
  resolvedRatesSchema,
  reviewedStatuses,
  reviewProgressSchema,
  reviewTimeline,
  shareOf,
  topResolvedRates,
  topWithOther,
  type ReviewedStatus,
} from "./shape";

const count = z.number().int().nonnegative();

export const insightsSchema = z.object({
  totals: z.object({ episodes: count, tokens: count }),
  /** Both kinds, always: `tokenShare` is the kind's part of all tokens (null when there are none). */
  byKind: z.array(z.object({ kind: z.enum(episodeKinds), episodes: count, tokens: count, tokenShare: z.number().nullable() })),
  composition: z.object({ source: compositionSchema, repo: compositionSchema, model: compositionSchema }),
  resolvedRate: z.object({ model: resolvedRatesSchema, repo: resolvedRatesSchema }),
  distributions: z.object({ steps: histogramSchema, tokens: histogramSchema, patch: histogramSchema }),
  review: reviewProgressSchema,
});
export type Insights = z.infer<typeof insightsSchema>;

type Matched = Awaited<ReturnType<typeof matchedSlots>>;

function kindTotals({ store, slots }: Matched) {
  const rows = tallyRows(store, "kind", tallyBy(store, slots, "kind"));
  const episodes = rows.reduce((n, r) => n + r.episodes, 0);
  const tokens = rows.reduce((n, r) => n + r.tokens, 0);
  const byKind = episodeKinds.map((kind) => {
    const row = rows.find((r) => r.value === kind) ?? { episodes: 0, tokens: 0 };
    return { kind, episodes: row.episodes, tokens: row.tokens, tokenShare: shareOf(row.tokens, tokens) };
  });
  return { totals: { episodes, tokens }, byKind };
}

function sourceCounts({ store, slots }: Matched) {
  return topWithOther(tallyRows(store, "source", tallyBy(store, slots, "source")).map((r) => ({ value: r.value, count: r.episodes })));
}

/** Per value of repo or model: outcome counts, which also give its episode count. */
function outcomesBy(column: "repo" | "model", { store, slots }: Matched) {
  const rows = tallyRows(store, column, tallyBy(store, slots, column));
  const counts = rows.map((r) => ({ value: r.value, count: r.episodes }));
  return { composition: topWithOther(counts), rates: topResolvedRates(rows) };
}

function reviewProgress({ store, slots }: Matched) {
  const days = reviewDays(store, slots).filter((d): d is { day: string; status: ReviewedStatus; count: number } =>
    (reviewedStatuses as readonly string[]).includes(d.status),
  );
  const statuses = tallyRows(store, "review", tallyBy(store, slots, "review"));
  const countOf = (status: string) => statuses.find((r) => r.value === status)?.episodes ?? 0;
  const reviewed = reviewedStatuses.reduce((n, status) => n + countOf(status), 0);
  return reviewTimeline(days, { pending: countOf("pending"), reviewed });
}

/** `redaction`: episodes whose review the caller may not see yet (blind review), counted as unjudged. */
export async function insights(filter: EpisodeFilter, redaction: Redaction | null = null): Promise<Insights> {
  const matched = await matchedSlots(filter, redaction);
  const repo = outcomesBy("repo", matched);
  const model = outcomesBy("model", matched);
  const histogram = (key: "steps" | "tokens" | "patch") => histogramOf(matched.store.numbers[rangeColumn[key]], matched.slots, integerRanges[key]);
  return {
    ...kindTotals(matched),
    composition: { source: sourceCounts(matched), repo: repo.composition, model: model.composition },
    resolvedRate: { model: model.rates, repo: repo.rates },
    distributions: { steps: histogram("steps"), tokens: histogram("tokens"), patch: histogram("patch") },
    review: reviewProgress(matched),
  };
}
