/**
 * The export preview: the plan's report without writing anything, for the recipe editor. Pair
 * lists can be as long as the corpus, so the answer carries the first ones and the totals.
 */
import { z } from "zod";
import { recipeSchema, type Recipe } from "../recipe/schema";
import type { PlanReport } from "../types";
import { readConfinedListFile } from "./decontamination-file";
import { planExport, type PlanOptions } from "./plan-export";

export const PREVIEW_PAIR_LIMIT = 200;

export const exportPreviewRequestSchema = z.object({ recipe: recipeSchema });

/** PlanReport plus how many pairs there are in all (the lists hold at most PREVIEW_PAIR_LIMIT each). */
export type PreviewReport = Omit<PlanReport, "dedup"> & { dedup: PlanReport["dedup"] & { exactTotal: number; nearTotal: number } };

export function capReportPairs(report: PlanReport, limit = PREVIEW_PAIR_LIMIT): PreviewReport {
  const { exact, near } = report.dedup;
  return { ...report, dedup: { exact: exact.slice(0, limit), near: near.slice(0, limit), exactTotal: exact.length, nearTotal: near.length } };
}

/** Over HTTP: list files are read only from the recipe files directory (see confinedRecipeFile). */
export async function previewExport(recipe: Recipe, options: Pick<PlanOptions, "actor" | "signal"> = {}): Promise<{ report: PreviewReport }> {
  const plan = await planExport(recipe, { ...options, readListFile: readConfinedListFile });
  return { report: capReportPairs(plan.report) };
}
