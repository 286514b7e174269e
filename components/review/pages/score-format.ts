/** Judgments as text: verdict names and dimension values as the rubric words them. */
import type { Verdict } from "@/lib/review/judgments/schema";
import type { ScoreValue } from "@/lib/review/rubrics/scores";
import type { Dimension } from "@/lib/review/rubrics/schema";

export const verdictNames: Record<Verdict, string> = { approve: "Approve", reject: "Reject", needs_changes: "Needs changes" };

export function verdictName(verdict: Verdict | null | undefined): string {
  return verdict ? verdictNames[verdict] : "No verdict";
}

function optionName(dimension: Extract<Dimension, { options: unknown }>, value: string): string {
  return dimension.options.find((option) => option.value === value)?.label || value;
}

/** "4 — Solid", "Yes", an option's label, the text itself; "—" when there is no value. */
export function formatScore(dimension: Dimension | undefined, value: ScoreValue | undefined): string {
  if (value === undefined || value === null || (Array.isArray(value) && value.length === 0) || value === "") return "—";
  if (!dimension) return Array.isArray(value) ? value.join(", ") : String(value);
  switch (dimension.type) {
    case "ordinal": {
      const point = dimension.points.find((p) => p.value === value);
      return point ? `${point.value} — ${point.label}` : String(value);
    }
    case "boolean":
      return value === true ? "Yes" : value === false ? "No" : String(value);
    case "single_choice":
      return typeof value === "string" ? optionName(dimension, value) : String(value);
    case "multi_choice":
      return Array.isArray(value) ? value.map((v) => optionName(dimension, v)).join(", ") : String(value);
    case "text":
      return String(value);
  }
}

export const dimensionTypeNames: Record<Dimension["type"], string> = {
  ordinal: "Ordinal scale",
  boolean: "Yes / no",
  single_choice: "Single choice",
  multi_choice: "Multiple choice",
  text: "Free text",
};
