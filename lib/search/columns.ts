/**
 * Which `episodes` column (alias `e`) each filter key reads. Shared by the filter's WHERE, the
 * facet counts, the histograms and the sort, so a key cannot mean two columns in two places.
 */
import type { FacetKey, RangeKey, SortKey } from "./filter";

/** Facets whose values are stored as-is in one column. */
export const facetColumns = {
  kind: { column: "e.kind", type: `"EpisodeKind"` },
  source: { column: "e.source_format", type: "text" },
  repo: { column: "e.repo", type: "text" },
  agent: { column: "e.agent", type: "text" },
  model: { column: "e.model", type: "text" },
  exit: { column: "e.exit_status_class", type: `"ExitStatusClass"` },
  review: { column: "e.review_status", type: `"ReviewStatus"` },
  batch: { column: "e.import_batch_id", type: "int" },
  instance: { column: "e.instance_id", type: "text" },
} as const satisfies Partial<Record<FacetKey, { column: string; type: string }>>;
export type ColumnFacetKey = keyof typeof facetColumns;

/** Facets over array columns: an episode matches when it carries any selected value. */
export const arrayFacetColumns = {
  label: { column: "e.labels" },
  annotator: { column: "e.annotators" },
  tool: { column: "e.tools" },
} as const satisfies Partial<Record<FacetKey, { column: string }>>;
export type ArrayFacetKey = keyof typeof arrayFacetColumns;

export const rangeColumns = {
  steps: { column: "e.step_count", type: "int" },
  tokens: { column: "e.token_count", type: "int" },
  cost: { column: "e.cost_usd", type: "float8" },
  score: { column: "e.score", type: "float8" },
  patch: { column: "e.patch_bytes", type: "int" },
  files: { column: "e.files_touched", type: "int" },
} as const satisfies Record<RangeKey, { column: string; type: "int" | "float8" }>;

/** `isNullable`: cost and score can be unknown; unknowns sort last in both directions. */
export const sortColumns = {
  created: { column: "e.created_at", type: "timestamp", isNullable: false },
  steps: { ...rangeColumns.steps, isNullable: false },
  tokens: { ...rangeColumns.tokens, isNullable: false },
  cost: { ...rangeColumns.cost, isNullable: true },
  patch: { ...rangeColumns.patch, isNullable: false },
  // The column is `real`: a cursor bound as float8 would compare 0.3::real > 0.3::float8 and
  // loop or skip ties, so the cursor value is cast back to real.
  score: { column: "e.score", type: "real", isNullable: true },
  id: { column: "e.id", type: "int", isNullable: false },
} as const satisfies Record<SortKey, { column: string; type: string; isNullable: boolean }>;

/** The task-and-patch part of the full-text document (lib/ingest/to-rows.ts searchText), for snippets. */
export const searchDocument = `left(coalesce(c.task_text, ''), 100000) || ' ' || left(coalesce(c.final_patch, ''), 100000)`;
