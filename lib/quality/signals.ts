/**
 * The stored shape of an episode's quality signals. It is written at import and read back from a
 * JSON column, so it is a zod schema (validate on read); `qualityFlags` drives the filter facets.
 * Deliberately free of tokenizer imports, so pages and the filter schema can import it cheaply.
 */
import { z } from "zod";
import { exitStatusClasses } from "@/lib/formats/episode";
import { loopSchema } from "./loops";
import { patchSignalsSchema } from "./patch";
import { secretFindingSchema } from "./secrets";

export const qualityFlags = [
  "stuck_loop",
  "empty_patch",
  "huge_patch",
  "junk_in_patch",
  "edits_tests",
  "tool_parse_error",
  "secret",
  "hit_limit",
  "regression",
] as const;
export type QualityFlag = (typeof qualityFlags)[number];

const count = z.number().int().nonnegative();

export const tokenTotalsSchema = z.object({ total: count, assistant: count, other: count });
export type TokenTotals = z.infer<typeof tokenTotalsSchema>;

export const qualitySignalsSchema = z.object({
  exitStatusClass: z.enum(exitStatusClasses),
  hitLimit: z.boolean(),
  loop: loopSchema.nullable(),
  /** Tool calls whose argument string was not valid JSON. */
  toolCallParseErrors: count,
  patch: patchSignalsSchema,
  secrets: z.array(secretFindingSchema),
  tokens: tokenTotalsSchema,
  /** Name of the tokenizer that produced `tokens` (counts from different tokenizers differ). */
  tokenizer: z.string(),
  counts: z.object({ steps: count, toolCalls: count, observations: count, edits: count, errors: count }),
  /** The flags that hold, sorted. */
  flags: z.array(z.enum(qualityFlags)),
});
export type QualitySignals = z.infer<typeof qualitySignalsSchema>;
