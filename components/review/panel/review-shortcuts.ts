/**
 * The panel's keys, as pure functions: digits score the focused dimension, a / r / c give the
 * verdict, n moves to the next queue item (outside a queue n stays the viewer's next episode).
 */
import type { Verdict } from "@/lib/review/judgments/schema";
import type { Dimension } from "@/lib/review/rubrics/schema";
import type { ScoreValue } from "@/lib/review/rubrics/scores";

export type ReviewKeyAction = { type: "digit"; digit: number } | { type: "verdict"; verdict: Verdict } | { type: "next" };

const verdictKeys: Record<string, Verdict> = { a: "approve", r: "reject", c: "needs_changes" };

export function reviewKeyAction(key: string, { isInQueue }: { isInQueue: boolean }): ReviewKeyAction | null {
  if (/^[0-9]$/.test(key)) return { type: "digit", digit: Number(key) };
  if (key in verdictKeys) return { type: "verdict", verdict: verdictKeys[key] };
  if (key === "n" && isInQueue) return { type: "next" };
  return null;
}

type OrdinalDimension = Extract<Dimension, { type: "ordinal" }>;

/** A scale whose every point is a digit: the digit names the point itself. */
const isDirectScale = (dimension: OrdinalDimension) => dimension.points.every((p) => p.value >= 0 && p.value <= 9);

/**
 * The value a digit gives a dimension, or undefined when it means nothing there. Ordinal: on a
 * scale within 0–9 the point whose value is the digit, on any other scale (-2..2, 0..10) the
 * digit-th point; boolean: 1 yes, 0 no; single choice: the digit-th option; multiple choice:
 * toggles the digit-th option; text: nothing.
 */
export function valueForDigit(dimension: Dimension, digit: number, current: ScoreValue | undefined): ScoreValue | undefined {
  switch (dimension.type) {
    case "ordinal":
      return isDirectScale(dimension) ? dimension.points.find((p) => p.value === digit)?.value : digit >= 1 ? dimension.points[digit - 1]?.value : undefined;
    case "boolean":
      return digit === 1 ? true : digit === 0 ? false : undefined;
    case "single_choice":
      return digit >= 1 ? dimension.options[digit - 1]?.value : undefined;
    case "multi_choice": {
      const option = digit >= 1 ? dimension.options[digit - 1] : undefined;
      if (!option) return undefined;
      const chosen = Array.isArray(current) ? current : [];
      return chosen.includes(option.value) ? chosen.filter((v) => v !== option.value) : [...chosen, option.value];
    }
    case "text":
      return undefined;
  }
}

/** What the keys hint shows beside a dimension's legend. */
export function digitHint(dimension: Dimension): string | null {
  switch (dimension.type) {
    case "ordinal": {
      const { points } = dimension;
      return isDirectScale(dimension) ? `keys ${points[0].value}–${points[points.length - 1].value}` : `keys 1–${Math.min(9, points.length)} by position`;
    }
    case "boolean":
      return "keys 1 yes / 0 no";
    case "single_choice":
    case "multi_choice":
      return dimension.options.length <= 9 ? `keys 1–${dimension.options.length}` : null;
    case "text":
      return null;
  }
}
