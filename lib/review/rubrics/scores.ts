/**
 * What a judgment's scores may hold, checked against the rubric version's dimensions, and what is
 * derived from them: the 0–1 normalized score, the labels chosen, and the value agreement compares.
 */
import { z } from "zod";
import { InvalidInputError } from "@/lib/errors";
import type { Dimension } from "./schema";

export const scoreValueSchema = z.union([z.number(), z.boolean(), z.string().max(20_000), z.array(z.string().max(64)).max(100)]);
export type ScoreValue = z.infer<typeof scoreValueSchema>;

/** Dimension key -> value; `null` clears a value in a draft. */
export const scoresInputSchema = z.record(z.string().max(40), scoreValueSchema.nullable()).describe("Dimension key -> value (ordinal: integer point, boolean, single_choice: option value, multi_choice: option values, text)");
export const scoresSchema = z.record(z.string(), scoreValueSchema);
export type Scores = z.infer<typeof scoresSchema>;

function valueSchema(dimension: Dimension): z.ZodType<ScoreValue> {
  switch (dimension.type) {
    case "ordinal": {
      const values = dimension.points.map((p) => p.value);
      return z.number().int().refine((v) => values.includes(v), `Pick one of ${values.join(", ")}.`);
    }
    case "boolean":
      return z.boolean();
    case "single_choice": {
      const values = dimension.options.map((o) => o.value);
      return z.string().refine((v) => values.includes(v), `Pick one of ${values.join(", ")}.`);
    }
    case "multi_choice": {
      const values = dimension.options.map((o) => o.value);
      return z
        .array(z.string())
        .refine((v) => v.every((x) => values.includes(x)), `Pick from ${values.join(", ")}.`)
        .refine((v) => new Set(v).size === v.length, "Pick each option once.");
    }
    case "text":
      return z.string().max(dimension.maxLength, `At most ${dimension.maxLength} characters.`);
  }
}

function isMissing(value: ScoreValue | null | undefined): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "") || (Array.isArray(value) && value.length === 0);
}

/**
 * Merges `changes` into `current` (null clears) and checks every value against its dimension;
 * `complete` also requires every required dimension. Throws InvalidInputError (422) listing each problem.
 */
export function mergeScores(dimensions: Dimension[], current: Scores, changes: Record<string, ScoreValue | null>, complete: boolean): Scores {
  const byKey = new Map(dimensions.map((d) => [d.key, d]));
  const problems: Record<string, string> = {};
  const merged: Scores = { ...current };
  for (const [key, value] of Object.entries(changes)) {
    const dimension = byKey.get(key);
    if (!dimension) problems[key] = "This rubric version has no such dimension.";
    else if (value === null) delete merged[key];
    else {
      const parsed = valueSchema(dimension).safeParse(value);
      if (parsed.success) merged[key] = parsed.data;
      else problems[key] = parsed.error.issues.map((i) => i.message).join(" ");
    }
  }
  if (complete)
    for (const dimension of dimensions)
      if (dimension.required && isMissing(merged[dimension.key]) && !problems[dimension.key]) problems[dimension.key] = `"${dimension.label}" needs a value before submitting.`;
  if (Object.keys(problems).length > 0) throw new InvalidInputError("Some scores do not fit the rubric.", { scores: problems });
  return merged;
}

/** Ordinal points as (v - min) / (max - min), booleans as 0 or 1; other types have no numeric score. */
export function normalizedValues(dimensions: Dimension[], scores: Scores): number[] {
  const values: number[] = [];
  for (const dimension of dimensions) {
    const value = scores[dimension.key];
    if (dimension.type === "ordinal" && typeof value === "number") {
      const min = dimension.points[0].value;
      const max = dimension.points[dimension.points.length - 1].value;
      values.push((value - min) / (max - min));
    } else if (dimension.type === "boolean" && typeof value === "boolean") values.push(value ? 1 : 0);
  }
  return values;
}

/** The labels a judgment's choices give the episode. */
export function chosenLabels(dimensions: Dimension[], scores: Scores): string[] {
  return dimensions.flatMap((dimension) => {
    const value = scores[dimension.key];
    if (dimension.type === "single_choice" && typeof value === "string") return [value];
    if (dimension.type === "multi_choice" && Array.isArray(value)) return value;
    return [];
  });
}

export type AgreementLevel = "ordinal" | "nominal";

/** How agreement treats a dimension: ordinal scales as ordinal, booleans and choices as nominal, text not at all. */
export function agreementLevel(dimension: Dimension): AgreementLevel | null {
  if (dimension.type === "ordinal") return "ordinal";
  if (dimension.type === "text") return null;
  return "nominal";
}

/** The value agreement compares: the point, or a canonical string for categories (a set of choices as one category). */
export function comparableValue(dimension: Dimension, value: ScoreValue | undefined): number | string | null {
  if (value === undefined) return null;
  switch (dimension.type) {
    case "ordinal":
      return typeof value === "number" ? value : null;
    case "boolean":
      return typeof value === "boolean" ? String(value) : null;
    case "single_choice":
      return typeof value === "string" ? value : null;
    case "multi_choice":
      return Array.isArray(value) ? [...value].sort().join("|") : null;
    case "text":
      return null;
  }
}
