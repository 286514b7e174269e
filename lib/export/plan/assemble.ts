/**
 * Everything after the database scan, pure: dedup (exact then near, across components) → split →
 * weights → final order → report. The scan hands over only ids, counts and content keys.
 */
import type { ComponentWeight, Recipe } from "../recipe/schema";
import type { DropReason, Plan, PlanEntry } from "../types";
import { buildReport } from "./build-report";
import type { ContentKeys } from "./content-keys";
import { dedupe, type DedupCandidate } from "./dedup";
import { orderEntries } from "./order";
import { assignSplits } from "./split";
import { sampleMixture } from "./weights";

/** A candidate that passed the review-status requirement, the token limit and decontamination. */
export type ScannedEpisode = { id: number; repo: string | null; instanceId: string | null; tokens: number; truncated: boolean };

export type ScannedComponent = {
  name: string;
  /** The resolved filter, in /episodes?… form. */
  filter: string;
  weight: ComponentWeight;
  matched: number;
  dropped: Record<"review_status" | "over_max_tokens" | "decontaminated", number>;
  /** In episode id order. */
  episodes: ScannedEpisode[];
};

export type AssembleInput = {
  recipe: Pick<Recipe, "seed" | "dedup" | "split">;
  components: readonly ScannedComponent[];
  keys: ReadonlyMap<number, ContentKeys>;
  decontamination: Record<string, number>;
};

export type AssemblePhase = "dedup" | "split" | "sample" | "order";

const noKeys: ContentKeys = { exactKey: null, signature: null };

function emptyDrops(): Record<DropReason, number> {
  return { review_status: 0, over_max_tokens: 0, decontaminated: 0, exact_duplicate: 0, near_duplicate: 0, not_sampled: 0 };
}

export function assemblePlan({ recipe, components, keys, decontamination }: AssembleInput, onPhase?: (phase: AssemblePhase) => void): Plan {
  onPhase?.("dedup");
  const byPriority = components.map((c) => [...c.episodes].sort((a, b) => a.id - b.id));
  const candidates: DedupCandidate[] = byPriority.flatMap((episodes, component) =>
    episodes.map((e) => ({ episodeId: e.id, component, ...(keys.get(e.id) ?? noKeys) })),
  );
  const dedup = dedupe(candidates, recipe.dedup);
  const dropped = components.map((c) => ({ ...emptyDrops(), ...c.dropped }));
  const survivors = components.map((): typeof byPriority[number] => []);
  let next = 0;
  byPriority.forEach((episodes, component) => {
    for (const episode of episodes) {
      const outcome = dedup.outcomes[next++];
      if (outcome === "kept") survivors[component].push(episode);
      else dropped[component][outcome]++;
    }
  });

  onPhase?.("split");
  const splits = assignSplits(survivors.flat(), { seed: recipe.seed, validation: recipe.split.validation });

  onPhase?.("sample");
  const samples = sampleMixture(components.map((c, i) => ({ name: c.name, weight: c.weight, episodes: survivors[i] })), recipe.seed);
  const entries: PlanEntry[] = samples.flatMap((sample, component) =>
    sample.copies.map(({ episodeId, copy }) => ({ episodeId, component, copy, split: splits.get(episodeId)! })),
  );

  onPhase?.("order");
  const ordered = orderEntries(entries, recipe.seed);
  const pairs = { exact: dedup.exact, near: dedup.near };
  const report = buildReport({ components, survivors, samples, dropped, entries: ordered, dedup: pairs, decontamination });
  return { entries: ordered, report };
}
