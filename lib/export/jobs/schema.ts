/** Export jobs over the HTTP API. */
import { z } from "zod";
import { recipeSchema } from "../recipe/schema";

export const exportCreateSchema = z.union([
  z.strictObject({ recipeVersionId: z.number().int().positive().describe("Run a saved recipe version") }),
  z.strictObject({ recipe: recipeSchema.describe("Run a recipe without saving it") }),
]);
export type ExportCreate = z.output<typeof exportCreateSchema>;

export const exportStatuses = ["queued", "running", "cancelled", "failed", "done"] as const;
export const exportStatusSchema = z.enum(exportStatuses);
export type ExportStatus = z.infer<typeof exportStatusSchema>;

export const exportFileSchema = z.object({ path: z.string(), bytes: z.number().int(), sha256: z.string().nullable() });
export type ExportFile = z.infer<typeof exportFileSchema>;

export const exportSummarySchema = z.object({
  records: z.number().int(),
  tokens: z.number().int(),
  shards: z.number().int(),
  bytes: z.number().int(),
  splits: z.record(z.string(), z.object({ records: z.number().int(), tokens: z.number().int(), shards: z.number().int() })),
  files: z.array(exportFileSchema),
  tokenizer: z.string().optional(),
  /** What was written per component, with the recipe tokenizer's counts and drops while writing. */
  components: z
    .array(z.object({ name: z.string(), filter: z.string(), records: z.number().int(), tokens: z.number().int(), truncated: z.number().int(), dropped: z.record(z.string(), z.number().int()) }))
    .optional(),
  /** The plan report (PreviewReport: duplicate pairs capped, with totals). */
  plan: z.unknown(),
});
export type ExportSummary = z.infer<typeof exportSummarySchema>;

const person = z.object({ id: z.string(), name: z.string(), email: z.string() }).nullable();

export const exportJobSchema = z.object({
  id: z.number().int(),
  status: exportStatusSchema,
  phase: z.string().describe("planning | writing | finalizing while running"),
  done: z.number().int(),
  total: z.number().int(),
  bytes: z.number().int(),
  recipeName: z.string(),
  recipeVersion: z.object({ id: z.number().int(), recipeId: z.number().int(), version: z.number().int() }).nullable(),
  source: z.string(),
  outDir: z.string(),
  cancelRequested: z.boolean(),
  error: z.string().nullable(),
  summary: exportSummarySchema.nullable(),
  createdBy: person,
  createdAt: z.iso.datetime(),
  startedAt: z.iso.datetime().nullable(),
  finishedAt: z.iso.datetime().nullable(),
});
export type ExportJob = z.infer<typeof exportJobSchema>;

export const exportJobDetailSchema = exportJobSchema.extend({ recipe: recipeSchema });
export type ExportJobDetail = z.infer<typeof exportJobDetailSchema>;

export const exportJobListSchema = z.object({ items: z.array(exportJobSchema) });
export type ExportJobList = z.infer<typeof exportJobListSchema>;
