/**
 * Checking stored step rows as they load. zod (stepRowSchema) is the contract, but running it on
 * every part of every step was a tenth of an export's CPU. `isPlainStepRow` is a hand-written
 * check that accepts only rows zod accepts unchanged: every field of the right type and no key
 * the schema does not name (zod would strip it). Such a row is used as it is; any other row goes
 * through zod, which copies, strips or says what is wrong.
 */
import { z } from "zod";
import { editOperations, stepPartSchema, stepRoles } from "@/lib/formats/episode";

export const stepRowSchema = z.object({
  episodeId: z.number().int(),
  idx: z.number().int(),
  role: z.enum(stepRoles),
  parts: z.array(stepPartSchema),
  meta: z.record(z.string(), z.unknown()).nullable(),
});
export type StepRow = z.infer<typeof stepRowSchema>;

const roles = new Set<unknown>(stepRoles);
const operations = new Set<unknown>(editOperations);

export function parseStepRow(row: unknown, i: number): StepRow {
  if (isPlainStepRow(row)) return row;
  const parsed = stepRowSchema.safeParse(row);
  if (parsed.success) return parsed.data;
  const where = row && typeof row === "object" ? `episode ${String((row as { episodeId?: unknown }).episodeId)} step ${String((row as { idx?: unknown }).idx)}` : `row ${i}`;
  throw new Error(`Stored ${where} does not match the step schema: ${parsed.error.issues[0]?.message ?? "invalid"}`);
}

type Loose = Record<string, unknown>;

export function isPlainStepRow(row: unknown): row is StepRow {
  if (!isObject(row) || keyCount(row) !== 5) return false;
  const { episodeId, idx, role, parts, meta } = row;
  if (!Number.isSafeInteger(episodeId) || !Number.isSafeInteger(idx) || !roles.has(role) || !Array.isArray(parts)) return false;
  if (meta !== null && !isRecord(meta)) return false;
  for (const part of parts) if (!isPlainPart(part)) return false;
  return true;
}

function isPlainPart(part: unknown): boolean {
  if (!isObject(part)) return false;
  // Each branch counts the keys it checked; any other key is one zod would strip.
  let known: number;
  switch (part.type) {
    case "message":
    case "reasoning":
      if (!isString(part.text)) return false;
      known = 2;
      break;
    case "tool_call":
      if (!isString(part.name) || !isRecord(part.arguments)) return false;
      known = 3 + optional(part.id, isString) + optional(part.parseError, isString);
      break;
    case "observation":
      if (!isString(part.text)) return false;
      known = 2 + optional(part.exitCode, (v) => v === null || Number.isSafeInteger(v)) + optional(part.toolCallId, isString) + optional(part.toolName, isString) + optional(part.isError, (v) => typeof v === "boolean");
      break;
    case "file_edit":
      if (!isString(part.path) || !operations.has(part.operation)) return false;
      known = 3 + optional(part.insertLine, Number.isSafeInteger);
      for (const key of ["oldText", "newText", "newPath", "diff", "before", "after"] as const) known += optional(part[key], isString);
      break;
    default:
      return false;
  }
  return known === keyCount(part);
}

/** 1 when present and valid, 0 when absent; NaN (never equal to a key count) when invalid. */
function optional(value: unknown, isValid: (value: unknown) => boolean): number {
  return value === undefined ? 0 : isValid(value) ? 1 : NaN;
}

function isString(value: unknown): value is string {
  return typeof value === "string";
}

function isObject(value: unknown): value is Loose {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** An object zod's record would copy key for key (an own `__proto__` key it would not). */
function isRecord(value: unknown): value is Loose {
  return isObject(value) && Object.getPrototypeOf(value) === Object.prototype && !Object.hasOwn(value, "__proto__");
}

/** Own enumerable keys (what zod's object and record read; JSON gives no other kind). */
function keyCount(value: Loose): number {
  return Object.keys(value).length;
}
