/**
 * The last step of an export: shards get their final names (the totals are known now), then
 * README.md and report.json, then manifest.json — last, so its presence means the export is
 * complete — and the resumable state goes. Safe to repeat after a crash half-way through.
 */
import fs from "node:fs/promises";
import path from "node:path";
import type { Recipe } from "@/lib/export/recipe/schema";
import type { PlanReport } from "@/lib/export/types";
import { datasetCard } from "@/lib/export/write/dataset-card";
import { buildManifest, buildReport, type ExportManifest } from "@/lib/export/write/manifest";
import { partialDirName, type Checkpoint } from "./export-state";
import { writeFileAtomic, writeJsonAtomic } from "./json-file";

export type FinalizeOptions = { outDir: string; recipe: Recipe; recipeVersionId: number | null; report: PlanReport; checkpoint: Checkpoint };

export async function finalizeExport({ outDir, recipe, recipeVersionId, report, checkpoint }: FinalizeOptions): Promise<ExportManifest> {
  const manifest = buildManifest({ recipe, recipeVersionId, plan: report, shards: checkpoint.shards, tally: checkpoint.tally, createdAt: new Date() });
  for (const [i, shard] of checkpoint.shards.entries()) {
    await renameOnce(path.join(outDir, shard.partialPath), path.join(outDir, manifest.shards[i].path));
  }
  await removeStrayPartials(path.join(outDir, "data"));
  await writeFileAtomic(path.join(outDir, "README.md"), datasetCard(manifest));
  await writeJsonAtomic(path.join(outDir, "report.json"), buildReport(manifest), "readable");
  await writeJsonAtomic(path.join(outDir, "manifest.json"), manifest, "readable");
  await fs.rm(path.join(outDir, partialDirName), { recursive: true, force: true });
  return manifest;
}

/** A shard renamed by an earlier, interrupted finalize is already in place. */
async function renameOnce(from: string, to: string): Promise<void> {
  try {
    await fs.rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    await fs.access(to);
  }
}

/** Half-written shards of a run that stopped, past the shards the resumed run finished. */
async function removeStrayPartials(dataDir: string): Promise<void> {
  const names = await fs.readdir(dataDir).catch(() => [] as string[]);
  for (const name of names) if (name.startsWith(".") && name.endsWith(".partial")) await fs.rm(path.join(dataDir, name), { force: true });
}
