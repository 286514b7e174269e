/**
 * What my judgment shows while saves are under way: the saved judgment with the pending changes
 * applied in order. A change that fails simply stops being pending, so the view rolls back by
 * itself. Pure.
 */
import type { Verdict } from "@/lib/review/judgments/schema";
import type { ScoreValue, Scores } from "@/lib/review/rubrics/scores";

/** One save: only what changed (scores merge per dimension; null clears one). */
export type JudgmentChanges = {
  scores?: Record<string, ScoreValue | null>;
  labels?: string[];
  verdict?: Verdict | null;
  reason?: string;
  /** Submit the judgment (shown once the server accepts it, never ahead of it). */
  submit?: boolean;
};

export type JudgmentValues = { scores: Scores; labels: string[]; verdict: Verdict | null; reason: string };

export const emptyJudgment: JudgmentValues = { scores: {}, labels: [], verdict: null, reason: "" };

export function applyChanges(saved: JudgmentValues, pending: readonly JudgmentChanges[]): JudgmentValues {
  return pending.reduce<JudgmentValues>((values, changes) => {
    const scores = { ...values.scores };
    for (const [key, value] of Object.entries(changes.scores ?? {})) {
      if (value === null) delete scores[key];
      else scores[key] = value;
    }
    return {
      scores,
      labels: changes.labels ?? values.labels,
      verdict: changes.verdict === undefined ? values.verdict : changes.verdict,
      reason: changes.reason ?? values.reason,
    };
  }, saved);
}

/** "a, b ,, c" → ["a", "b", "c"]: the Labels box holds comma-separated labels (labels cannot contain commas). */
export function parseLabels(text: string): string[] {
  return [...new Set(text.split(",").map((label) => label.trim()).filter((label) => label !== ""))];
}

export function formatLabels(labels: readonly string[]): string {
  return labels.join(", ");
}
