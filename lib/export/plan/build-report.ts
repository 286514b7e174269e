/** The PlanReport: per component where every matched episode went, per split and in total. */
import { splits, type DropReason, type DuplicatePair, type PlanEntry, type PlanReport, type Split } from "../types";
import type { ScannedComponent, ScannedEpisode } from "./assemble";
import type { ComponentSample } from "./weights";

type ReportInput = {
  components: readonly ScannedComponent[];
  /** Per component, the episodes left after dedup (what weighting chose from). */
  survivors: readonly ScannedEpisode[][];
  samples: readonly ComponentSample[];
  dropped: Record<DropReason, number>[];
  entries: readonly PlanEntry[];
  dedup: { exact: DuplicatePair[]; near: DuplicatePair[] };
  decontamination: Record<string, number>;
};

function splitReport(entries: readonly PlanEntry[], episodes: ReadonlyMap<number, ScannedEpisode>, split: Split) {
  const ids = new Set<number>();
  const repos = new Set<string>();
  let count = 0;
  let tokens = 0;
  for (const entry of entries) {
    if (entry.split !== split) continue;
    const episode = episodes.get(entry.episodeId)!;
    count++;
    tokens += episode.tokens;
    ids.add(entry.episodeId);
    if (episode.repo) repos.add(episode.repo.toLowerCase());
  }
  return { episodes: ids.size, entries: count, tokens, repos: repos.size };
}

export function buildReport({ components, survivors, samples, dropped, entries, dedup, decontamination }: ReportInput): PlanReport {
  const episodes = new Map(survivors.flat().map((e) => [e.id, e]));
  const componentReports = components.map((component, i) => {
    const chosen = new Set(samples[i].copies.map((c) => c.episodeId));
    // Truncation is reported for the episodes that are in the mixture, not for those dropped later.
    const truncated = survivors[i].filter((e) => e.truncated && chosen.has(e.id)).length;
    return {
      name: component.name,
      filter: component.filter,
      matched: component.matched,
      episodes: chosen.size,
      entries: samples[i].copies.length,
      tokens: samples[i].tokens,
      truncated,
      dropped: { ...dropped[i], not_sampled: survivors[i].length - chosen.size },
      share: samples[i].share,
    };
  });
  const split = Object.fromEntries(splits.map((s) => [s, splitReport(entries, episodes, s)])) as PlanReport["split"];
  return {
    components: componentReports,
    dedup,
    decontamination,
    split,
    totals: {
      episodes: new Set(entries.map((e) => e.episodeId)).size,
      entries: entries.length,
      tokens: componentReports.reduce((sum, c) => sum + c.tokens, 0),
    },
  };
}
