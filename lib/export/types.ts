/** The contracts between the export stages: plan (which episodes, how often, which split), render, write. */
import type { StepPart, StepRole } from "@/lib/formats/episode";
import type { TrainingMask } from "@/lib/review/masks/schema";

export const splits = ["train", "validation"] as const;
export type Split = (typeof splits)[number];

/** One record of the mixture: an episode, the component that chose it, which copy (upsampling) and its split. */
export type PlanEntry = { episodeId: number; component: number; copy: number; split: Split };

/** Why an episode a component's filter matched is not in the mixture. */
export const dropReasons = ["review_status", "over_max_tokens", "decontaminated", "exact_duplicate", "near_duplicate", "not_sampled"] as const;
export type DropReason = (typeof dropReasons)[number];

export type ComponentReport = {
  name: string;
  /** The filter as resolved (a saved view's query at the time), in /episodes?… form. */
  filter: string;
  matched: number;
  /** Distinct episodes selected, and entries written (copies included). */
  episodes: number;
  entries: number;
  /** Planned tokens of the entries (stored counts; the manifest has the recipe tokenizer's). */
  tokens: number;
  truncated: number;
  dropped: Record<DropReason, number>;
  /** Planned share of the mixture's tokens, 0..1. */
  share: number;
};

export type DuplicatePair = { removed: number; kept: number; similarity: number };

export type PlanReport = {
  components: ComponentReport[];
  dedup: { exact: DuplicatePair[]; near: DuplicatePair[] };
  /** Episodes each decontamination list removed (swebench, instanceIds, repos, each named list). */
  decontamination: Record<string, number>;
  split: Record<Split, { episodes: number; entries: number; tokens: number; repos: number }>;
  totals: { episodes: number; entries: number; tokens: number };
};

export type Plan = { entries: PlanEntry[]; report: PlanReport };

/** Everything a renderer needs about one episode, loaded in batches (never the raw record). */
export type ExportEpisode = {
  id: number;
  kind: "environmental" | "contextual";
  sourceFormat: string;
  instanceId: string | null;
  repo: string | null;
  agent: string | null;
  model: string | null;
  resolved: boolean | null;
  exitStatusClass: string;
  reviewStatus: string;
  labels: string[];
  taskText: string | null;
  baseCommit: string | null;
  finalPatch: string | null;
  goldPatch: string | null;
  testPatch: string | null;
  /** Typed by pullRequestSchema (lib/formats/episode) when present. */
  pullRequest: unknown;
  /**
   * The episode's token count as its import counted it (every step part, lib/quality/tokens.ts) and
   * that import's tokenizer; a renderer may reuse it when it is exactly what counting would give.
   */
  importTokens?: { tokenizer: string; total: number } | null;
  /** `meta`: the step's source extras (e.g. atelier-pr `section`, `path`, `sha`), when it has any. */
  steps: { idx: number; role: StepRole; parts: StepPart[]; mask: TrainingMask; meta?: Record<string, unknown> }[];
};
