/**
 * Runs an export into `outDir`: plan (or reuse the saved plan of an interrupted run), write the
 * shards, finalize. Interrupted or cancelled runs leave `.partial/` behind and resume with the
 * same recipe into the same directory, writing byte-identical files; a directory holding another
 * export (finished, in progress, or anything else) is refused.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { ZodError } from "zod";
import { ConflictError } from "@/lib/errors";
import { recipeSchema, type Recipe, type RecipeInput } from "@/lib/export/recipe/schema";
import type { FinishedShard } from "@/lib/export/write/finished-shard";
import { exportManifestSchema, type ExportManifest } from "@/lib/export/write/manifest";
import { finalShardPrefix } from "@/lib/export/write/shard-names";
import { emptyTally } from "@/lib/export/write/tally";
import type { ExportDeps, ExportProgress } from "./deps";
import { exportKey, loadCheckpoint, loadPlan, partialDirName, savePlan, writeOrder } from "./export-state";
import { finalizeExport } from "./finalize-export";
import { readJsonFile } from "./json-file";
import { writeEntries } from "./write-entries";

export type RunExportOptions<Tokenizer, ExportRecord> = {
  recipe: Recipe | RecipeInput;
  /** The saved recipe version this export ran, recorded in the manifest (null for an ad-hoc recipe). */
  recipeVersionId: number | null;
  outDir: string;
  deps: ExportDeps<Tokenizer, ExportRecord>;
  signal?: AbortSignal;
  onProgress?: (progress: ExportProgress) => void;
};

export async function runExport<T, R>(options: RunExportOptions<T, R>): Promise<ExportManifest> {
  const { outDir, recipeVersionId, deps, signal, onProgress } = options;
  const recipe = recipeSchema.parse(options.recipe);
  const key = exportKey(recipe, recipeVersionId);
  await fs.mkdir(outDir, { recursive: true });
  const finished = await readJsonFile(path.join(outDir, "manifest.json"), exportManifestSchema).catch((error) => {
    throw error instanceof ZodError ? new ConflictError(`${outDir} holds a manifest.json that is not an Atelier export.`) : error;
  });
  if (finished) return alreadyFinished(outDir, finished, key);
  const names = await fs.readdir(outDir);
  if (!names.includes(partialDirName) && names.length > 0) throw new ConflictError(`${outDir} is not empty and holds no export to resume.`);
  await fs.mkdir(path.join(outDir, partialDirName), { recursive: true });

  let plan = await loadPlan(outDir);
  if (plan && plan.key !== key) throw new ConflictError(`${outDir} holds an unfinished export of another recipe; finish it or choose another directory.`);
  // A checkpoint only counts with the plan it was made from.
  const saved = plan ? await loadCheckpoint(outDir) : null;
  if (!plan) {
    onProgress?.({ phase: "planning", done: 0, total: 0, bytes: 0 });
    const made = await deps.planExport(recipe, { signal, onProgress: (done, total) => onProgress?.({ phase: "planning", done, total, bytes: 0 }) });
    await savePlan(outDir, key, made);
    plan = { ...made, key };
    signal?.throwIfAborted();
  }
  const checkpoint = saved ?? { key, position: 0, shards: [], tally: emptyTally(recipe.components.length) };
  await checkShardsOnDisk(outDir, checkpoint.shards);
  const order = writeOrder(plan.entries);
  const tokenizer = await deps.exportTokenizer(recipe.tokenizer);
  const shardBytes = () => checkpoint.shards.reduce((n, s) => n + s.bytes, 0);
  onProgress?.({ phase: "writing", done: checkpoint.position, total: order.length, bytes: shardBytes() });
  await writeEntries({ outDir, recipe, entries: plan.entries, order, checkpoint, tokenizer, deps, signal, onProgress });
  signal?.throwIfAborted();
  onProgress?.({ phase: "finalizing", done: order.length, total: order.length, bytes: shardBytes() });
  return finalizeExport({ outDir, recipe, recipeVersionId, report: plan.report, checkpoint });
}

/** The same export, finished (perhaps by a run that stopped just before cleaning up): nothing to write. */
async function alreadyFinished(outDir: string, manifest: ExportManifest, key: string): Promise<ExportManifest> {
  if (exportKey(manifest.recipe, manifest.recipeVersionId) !== key) {
    throw new ConflictError(`${outDir} already holds a finished export ("${manifest.name}"); choose another directory.`);
  }
  await fs.rm(path.join(outDir, partialDirName), { recursive: true, force: true });
  return manifest;
}

/** A resume builds on the finished shards: they must still be there, whole (or already renamed by a finalize). */
async function checkShardsOnDisk(outDir: string, shards: FinishedShard[]): Promise<void> {
  const data = await fs.readdir(path.join(outDir, "data")).catch(() => [] as string[]);
  for (const shard of shards) {
    const stat = await fs.stat(path.join(outDir, shard.partialPath)).catch(() => null);
    const isRenamed = !stat && data.some((name) => `data/${name}`.startsWith(finalShardPrefix(shard.split, shard.index)));
    if (stat ? stat.size !== shard.bytes : !isRenamed) {
      throw new ConflictError(`${shard.partialPath} is missing or changed since it was written; start the export again in an empty directory.`);
    }
  }
}
