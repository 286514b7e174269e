/**
 * Renders and writes the planned entries from a checkpoint on: per split, in plan order, the
 * episodes streamed in that order (deps.streamExportEpisodes), checkpointing after every finished
 * shard. An abort stops before the next record and drops only the open shard.
 */
import type { Recipe } from "@/lib/export/recipe/schema";
import { splits, type ExportEpisode, type PlanEntry } from "@/lib/export/types";
import { ShardWriter } from "@/lib/export/write/shard-writer";
import { countDrop, countRecord } from "@/lib/export/write/tally";
import type { ExportDeps, ExportProgress } from "./deps";
import { saveCheckpoint, type Checkpoint } from "./export-state";
import { pullRequestLicense } from "./pull-request-license";

/** Entries between two progress reports. */
const progressEvery = 100;

/**
 * Rendering and writing never wait on I/O, so without a pause the rows read ahead would sit in
 * the socket until the rows at hand are done, and PostgreSQL, its send buffer full, would stop
 * producing them: loading and rendering would take turns instead of overlapping. Every few
 * milliseconds the loop lets pending I/O in (the driver parses rows as they arrive).
 */
const ioPauseMs = 4;
let lastPause = 0;
function letIoIn(): Promise<void> | void {
  const now = performance.now();
  if (now - lastPause < ioPauseMs) return;
  lastPause = now;
  return new Promise((resolve) => setImmediate(resolve));
}

export type WriteEntriesOptions<Tokenizer, ExportRecord> = {
  outDir: string;
  recipe: Recipe;
  entries: PlanEntry[];
  /** Plan indices in write order (see writeOrder). */
  order: number[];
  /** Updated in place and saved after every finished shard. */
  checkpoint: Checkpoint;
  tokenizer: Tokenizer;
  deps: ExportDeps<Tokenizer, ExportRecord>;
  signal?: AbortSignal;
  onProgress?: (progress: ExportProgress) => void;
};

export async function writeEntries<T, R>(options: WriteEntriesOptions<T, R>): Promise<void> {
  const { outDir, recipe, entries, order, checkpoint, deps, signal } = options;
  const finishedBytes = () => checkpoint.shards.reduce((n, s) => n + s.bytes, 0);
  let ordinal = checkpoint.shards.reduce((n, s) => n + s.records, 0);
  const trainEntries = order.filter((i) => entries[i].split === "train").length;
  const ranges = { train: [0, trainEntries], validation: [trainEntries, order.length] };

  for (const split of splits) {
    const start = Math.max(ranges[split][0], checkpoint.position);
    const end = ranges[split][1];
    if (start >= end) continue;
    const writer = new ShardWriter({
      outDir,
      split,
      format: recipe.format.file,
      style: recipe.format.style,
      shardBytes: recipe.format.shardMb * 1024 * 1024,
      components: recipe.components.length,
      firstIndex: checkpoint.shards.filter((s) => s.split === split).length,
    });
    const report = (done: number) => options.onProgress?.({ phase: "writing", done, total: order.length, bytes: finishedBytes() + writer.openBytes });
    try {
      const ids = order.slice(start, end).map((i) => entries[i].episodeId);
      let position = start;
      for await (const episode of deps.streamExportEpisodes(ids, { useProposedMasks: recipe.format.useProposedMasks })) {
        await letIoIn();
        signal?.throwIfAborted();
        const entry = entries[order[position]];
        const written = await writeEntry(entry, episode, ordinal);
        position += 1;
        if (written) ordinal += 1;
        const shard = written ? await writer.write(written.value, entry, written.tokens) : null;
        if (shard) {
          checkpoint.shards.push(shard);
          checkpoint.position = position;
          await saveCheckpoint(outDir, checkpoint);
        }
        if (position % progressEvery === 0) report(position);
      }
      if (position !== end) throw new Error(`The episode stream ended after ${position - start} of ${end - start} entries`);
      report(end);
      const last = await writer.end();
      if (last) checkpoint.shards.push(last);
      checkpoint.position = end;
      await saveCheckpoint(outDir, checkpoint);
    } catch (error) {
      await writer.discard();
      throw error;
    }
  }

  /** Renders one entry and counts it; null when it is left out. */
  async function writeEntry(entry: PlanEntry, episode: ExportEpisode | undefined, id: number) {
    const { tally } = checkpoint;
    // Deleted since the plan was made (a resume uses the saved plan).
    if (!episode) {
      countDrop(tally, entry.component, "missing");
      return null;
    }
    const result = await deps.renderEntry(episode, { recipe, tokenizer: options.tokenizer, component: entry.component, split: entry.split, copy: entry.copy });
    if ("dropped" in result) {
      countDrop(tally, entry.component, result.dropped);
      return null;
    }
    countRecord(tally, entry.component, result.truncatedAtStep !== null, pullRequestLicense(episode));
    const value = recipe.format.file === "parquet" ? { ...deps.toParquetRow(result.record), id } : result.record;
    return { value, tokens: result.tokens };
  }
}
