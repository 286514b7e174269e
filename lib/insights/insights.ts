/**
 * The numbers behind the Insights page, under one filter: totals and the contextual vs
 * environmental token split, composition by source, repo and model, resolved rates, the
 * distributions of steps, tokens and patch size, and review progress over time. Computed in
 * PostgreSQL through the one filter model, the queries run concurrently; callers see only
 * `insights(filter)`, so the computation can move (e.g. to an in-memory index) behind it.
 */
import { z } from "zod";
import { pool } from "@/lib/db";
import { episodeKinds } from "@/lib/formats/episode";
import type { EpisodeFilter } from "@/lib/search/filter";
import { histogramSchema, histograms } from "@/lib/search/histograms";
import { filterToSql } from "@/lib/search/to-sql";
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

type Where = { where: string; params: unknown[] };

async function kindTotals({ where, params }: Where) {
  // Token sums can pass int4; float8 keeps them numbers (exact far beyond any corpus).
  const { rows } = await pool.query<{ kind: string; episodes: number; tokens: number }>(
    `SELECT e.kind::text AS kind, count(*)::int AS episodes, coalesce(sum(e.token_count), 0)::float8 AS tokens
     FROM episodes e WHERE ${where} GROUP BY 1`,
    params,
  );
  const episodes = rows.reduce((n, r) => n + r.episodes, 0);
  const tokens = rows.reduce((n, r) => n + r.tokens, 0);
  const byKind = episodeKinds.map((kind) => {
    const row = rows.find((r) => r.kind === kind) ?? { episodes: 0, tokens: 0 };
    return { kind, episodes: row.episodes, tokens: row.tokens, tokenShare: shareOf(row.tokens, tokens) };
  });
  return { totals: { episodes, tokens }, byKind };
}

async function sourceCounts({ where, params }: Where) {
  const { rows } = await pool.query<{ value: string; count: number }>(
    `SELECT e.source_format AS value, count(*)::int AS count FROM episodes e WHERE ${where} GROUP BY 1`,
    params,
  );
  return topWithOther(rows);
}

/** Per value of repo or model: outcome counts, which also give its episode count. */
async function outcomesBy(column: "e.repo" | "e.model", { where, params }: Where) {
  const { rows } = await pool.query<{ value: string | null; resolved: number; unresolved: number; unknown: number }>(
    `SELECT ${column} AS value,
            count(*) FILTER (WHERE e.resolved)::int AS resolved,
            count(*) FILTER (WHERE NOT e.resolved)::int AS unresolved,
            count(*) FILTER (WHERE e.resolved IS NULL)::int AS unknown
     FROM episodes e WHERE ${where} GROUP BY 1`,
    params,
  );
  const counts = rows.map((r) => ({ value: r.value, count: r.resolved + r.unresolved + r.unknown }));
  return { composition: topWithOther(counts), rates: topResolvedRates(rows) };
}

async function reviewProgress({ where, params }: Where) {
  const [days, statuses] = await Promise.all([
    pool.query<{ day: string; status: ReviewedStatus; count: number }>(
      `SELECT to_char(e.reviewed_at, 'YYYY-MM-DD') AS day, e.review_status::text AS status, count(*)::int AS count
       FROM episodes e WHERE ${where} AND e.review_status <> 'pending' AND e.reviewed_at IS NOT NULL GROUP BY 1, 2`,
      params,
    ),
    pool.query<{ status: string; count: number }>(
      `SELECT e.review_status::text AS status, count(*)::int AS count FROM episodes e WHERE ${where} GROUP BY 1`,
      params,
    ),
  ]);
  const countOf = (status: string) => statuses.rows.find((r) => r.status === status)?.count ?? 0;
  const reviewed = reviewedStatuses.reduce((n, status) => n + countOf(status), 0);
  return reviewTimeline(days.rows, { pending: countOf("pending"), reviewed });
}

export async function insights(filter: EpisodeFilter): Promise<Insights> {
  const sql = filterToSql(filter);
  const [kinds, source, repo, model, review, numeric] = await Promise.all([
    kindTotals(sql),
    sourceCounts(sql),
    outcomesBy("e.repo", sql),
    outcomesBy("e.model", sql),
    reviewProgress(sql),
    histograms(filter),
  ]);
  return {
    ...kinds,
    composition: { source, repo: repo.composition, model: model.composition },
    resolvedRate: { model: model.rates, repo: repo.rates },
    distributions: { steps: numeric.steps, tokens: numeric.tokens, patch: numeric.patch },
    review,
  };
}
