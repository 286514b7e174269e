/**
 * What the write stage needs from the plan and render stages, passed in so the orchestrator can be
 * tested with small fakes (and so the two stages stay swappable). The lead wires the real ones:
 * planExport (lib/export/plan), streamExportEpisodes, exportTokenizer, renderEntry, toParquetRow
 * (lib/export/render).
 */
import type { Recipe } from "@/lib/export/recipe/schema";
import type { ExportEpisode, Plan, Split } from "@/lib/export/types";
import type { ParquetRow } from "@/lib/export/write/parquet";

/** `component` is the index into recipe.components (record ids name it). */
export type RenderContext<Tokenizer> = { recipe: Recipe; tokenizer: Tokenizer; component: number; split: Split; copy: number };

/** A record (and its tokens under the recipe tokenizer), or why the entry is left out (e.g. over max tokens). */
export type RenderResult<ExportRecord> = { record: ExportRecord; tokens: number; truncatedAtStep: number | null } | { dropped: string };

export type ExportDeps<Tokenizer, ExportRecord> = {
  planExport(recipe: Recipe, options: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void }): Promise<Plan>;
  /** One item per id, in order: the episode, or undefined when it no longer exists. Streams: memory must not grow with `ids`. */
  streamExportEpisodes(ids: readonly number[], options: { useProposedMasks: boolean }): AsyncIterable<ExportEpisode | undefined>;
  exportTokenizer(config: Recipe["tokenizer"]): Tokenizer | Promise<Tokenizer>;
  renderEntry(episode: ExportEpisode, context: RenderContext<Tokenizer>): RenderResult<ExportRecord> | Promise<RenderResult<ExportRecord>>;
  /** Everything but `id`, which the writer sets to the record's ordinal in the export. */
  toParquetRow(record: ExportRecord): ParquetRow;
};

export type ExportPhase = "planning" | "writing" | "finalizing";
/** done/total count plan entries; bytes are the shard bytes written so far. */
export type ExportProgress = { phase: ExportPhase; done: number; total: number; bytes: number };
