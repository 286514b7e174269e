/** Bulk actions over the HTTP API: a filter (as the list's URL query) and what to do to every match. */
import { z } from "zod";
import { searchParamsRecord } from "@/lib/http";
import { episodeFilterSchema, reviewStatuses } from "@/lib/search/filter";
import { labelSchema } from "./label";

/**
 * The list's URL query, parsed strictly: a bad parameter is a 422, never silently dropped, since a
 * dropped condition would widen the set the action changes.
 */
export const filterQuerySchema = z
  .string()
  .max(8000)
  .describe("The episode list's URL query (the filter), e.g. model=a&steps=60..")
  .transform((query, ctx) => {
    const parsed = episodeFilterSchema.safeParse(searchParamsRecord(new URLSearchParams(query)));
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", message: `${issue.path.join(".") || "query"}: ${issue.message}` });
    return z.NEVER;
  });

export const bulkPreviewSchema = z.object({ query: filterQuerySchema });

const expectedCount = z.number().int().min(0).describe("The count the user confirmed (from preview); a different current count is a 409");

export const bulkActionSchema = z.discriminatedUnion("action", [
  z.object({ query: filterQuerySchema, action: z.literal("label_add"), label: labelSchema, expectedCount }),
  z.object({ query: filterQuerySchema, action: z.literal("label_remove"), label: labelSchema, expectedCount }),
  z.object({ query: filterQuerySchema, action: z.literal("set_review"), reviewStatus: z.enum(reviewStatuses), expectedCount }),
  z.object({ query: filterQuerySchema, action: z.literal("delete"), expectedCount }),
]);
export type BulkActionRequest = z.output<typeof bulkActionSchema>;
export type BulkAction = BulkActionRequest["action"];

export const bulkPreviewResultSchema = z.object({ count: z.number().int() });
export const bulkActionResultSchema = z.object({
  /** Episodes the action was applied to: every match of the filter. */
  affected: z.number().int(),
  /** Of those, how many actually changed (e.g. did not already carry the label as a bulk label). */
  changed: z.number().int(),
});
export type BulkActionResult = z.infer<typeof bulkActionResultSchema>;
