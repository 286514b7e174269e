"use client";

import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import type { Dimension } from "@/lib/review/rubrics/schema";
import { DimensionField } from "./dimension-field";
import { formatLabels, parseLabels } from "./judgment-changes";
import { ApiError, scoreProblems } from "./review-api";
import { TextDraftField } from "./text-draft-field";
import type { MyJudgment } from "./use-my-judgment";
import { VerdictField } from "./verdict-field";

type JudgmentFormProps = {
  dimensions: Dimension[];
  judgment: MyJudgment;
  activeKey: string | null;
  onActivate: (key: string) => void;
  isDisabled: boolean;
  /** Shown beside the status once the judgment is submitted (in a queue: "Next item"). */
  afterSubmit?: ReactNode;
};

function statusText(judgment: MyJudgment): string {
  if (judgment.isSaving) return "Saving…";
  if (judgment.isSubmitted) return "Submitted";
  return judgment.saved ? "Draft saved" : "Not started";
}

/** Every dimension, labels, verdict and reason, saved as you go; "Submit judgment" makes it final. */
export function JudgmentForm({ dimensions, judgment, activeKey, onActivate, isDisabled, afterSubmit }: JudgmentFormProps) {
  const { values, change, error } = judgment;
  const problems = scoreProblems(error);
  return (
    <form
      aria-label="Judgment"
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        change({ submit: true });
      }}
    >
      {dimensions.map((dimension) => (
        <DimensionField
          key={dimension.key}
          dimension={dimension}
          value={values.scores[dimension.key]}
          problem={problems[dimension.key]}
          isActive={activeKey === dimension.key}
          isDisabled={isDisabled}
          onActivate={() => onActivate(dimension.key)}
          onChange={(value) => change({ scores: { [dimension.key]: value } })}
        />
      ))}
      <div>
        <TextDraftField
          label="Labels"
          saved={formatLabels(values.labels)}
          isDisabled={isDisabled}
          isMultiline={false}
          showLabel
          placeholder="e.g. flaky-tests, good-example"
          hint="Comma-separated; saved when you leave the box."
          onCommit={(text) => change({ labels: parseLabels(text) })}
        />
      </div>
      <VerdictField verdict={values.verdict} isDisabled={isDisabled} onChange={(verdict) => change({ verdict })} />
      <div>
        <TextDraftField label="Reason" saved={values.reason} isDisabled={isDisabled} showLabel placeholder="Why this verdict" onCommit={(reason) => change({ reason })} />
      </div>
      {error && (
        <div role="alert" className="space-y-1 rounded border border-red-200 bg-red-50 p-2 text-sm text-red-800">
          <p>{error.message}</p>
          {error instanceof ApiError && error.isStale && (
            <Button size="sm" onClick={() => void judgment.reload()}>
              Reload
            </Button>
          )}
        </div>
      )}
      <div className="flex flex-wrap items-center gap-3">
        {!judgment.isSubmitted && (
          <Button type="submit" variant="primary" disabled={isDisabled || judgment.isSubmitting}>
            {judgment.isSubmitting ? "Submitting…" : "Submit judgment"}
          </Button>
        )}
        <p role="status" className={`text-sm ${judgment.isSubmitted ? "font-medium text-green-800" : "text-stone-600"}`}>
          {statusText(judgment)}
        </p>
        {judgment.isSubmitted && afterSubmit}
      </div>
    </form>
  );
}
