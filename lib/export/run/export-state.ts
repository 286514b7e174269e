/**
 * The resumable state of an unfinished export, in `outDir/.partial/`: the plan as it was made
 * (entries only, columnar, plus its report), so a resume writes the same mixture even if the
 * corpus changed since, and a checkpoint after every finished shard.
 */
import { createHash } from "node:crypto";
import path from "node:path";
import { z } from "zod";
import type { Recipe } from "@/lib/export/recipe/schema";
import { splits, type Plan, type PlanEntry } from "@/lib/export/types";
import { finishedShardSchema } from "@/lib/export/write/finished-shard";
import { planReportSchema } from "@/lib/export/write/plan-report-schema";
import { writeTallySchema } from "@/lib/export/write/tally";
import { readJsonFile, writeJsonAtomic } from "./json-file";

export const partialDirName = ".partial";
const planFile = (outDir: string) => path.join(outDir, partialDirName, "plan.json");
const checkpointFile = (outDir: string) => path.join(outDir, partialDirName, "checkpoint.json");

/** Identifies an export: the same resolved recipe and recipe version resume each other. */
export function exportKey(recipe: Recipe, recipeVersionId: number | null): string {
  return createHash("sha256").update(JSON.stringify({ recipe, recipeVersionId })).digest("hex");
}

const ids = z.array(z.number().int().min(0));
const savedPlanSchema = z.object({
  key: z.string(),
  report: planReportSchema,
  /** Columnar entries; split as one character per entry (t = train, v = validation). */
  entries: z.object({ episodeId: ids, component: ids, copy: ids, split: z.string().regex(/^[tv]*$/) }),
});

export async function savePlan(outDir: string, key: string, plan: Plan): Promise<void> {
  const { entries } = plan;
  const columns = {
    episodeId: entries.map((e) => e.episodeId),
    component: entries.map((e) => e.component),
    copy: entries.map((e) => e.copy),
    split: entries.map((e) => e.split[0]).join(""),
  };
  await writeJsonAtomic(planFile(outDir), { key, report: plan.report, entries: columns }, "compact");
}

export async function loadPlan(outDir: string): Promise<(Plan & { key: string }) | null> {
  const saved = await readJsonFile(planFile(outDir), savedPlanSchema);
  if (!saved) return null;
  const { episodeId, component, copy, split } = saved.entries;
  const entries: PlanEntry[] = episodeId.map((id, i) => ({ episodeId: id, component: component[i], copy: copy[i], split: split[i] === "t" ? "train" : "validation" }));
  return { key: saved.key, report: saved.report, entries };
}

export const checkpointSchema = z.object({
  key: z.string(),
  /** Index into the write order (train entries, then validation) of the first entry not yet in a finished shard. */
  position: z.number().int().min(0),
  shards: z.array(finishedShardSchema),
  tally: writeTallySchema,
});
export type Checkpoint = z.infer<typeof checkpointSchema>;

export const saveCheckpoint = (outDir: string, checkpoint: Checkpoint) => writeJsonAtomic(checkpointFile(outDir), checkpoint, "compact");
export const loadCheckpoint = (outDir: string) => readJsonFile(checkpointFile(outDir), checkpointSchema);

/** Plan indices in write order: each split's entries in plan order, train first. */
export function writeOrder(entries: PlanEntry[]): number[] {
  return splits.flatMap((split) => entries.flatMap((entry, i) => (entry.split === split ? [i] : [])));
}
