"use client";

import { memo, useMemo } from "react";
import { StepReviewBar } from "@/components/review/masks/step-review-bar";
import type { ViewerStep } from "@/lib/viewer/read-steps";
import { StepParts } from "../parts/step-parts";
import { StepHeader } from "./step-header";
import { testRunOf } from "./step-kind";

type StepRowProps = {
  episodeId: number;
  step: ViewerStep;
  isExpanded: boolean;
  isLoadingFull: boolean;
  highlight: string;
  onToggleExpand: (idx: number) => void;
  onLoadFull: (idx: number) => void;
};

/** One step: its header and its parts. Memoized: scrolling re-renders the list, not the steps. */
export const StepRow = memo(function StepRow({ episodeId, step, isExpanded, isLoadingFull, highlight, onToggleExpand, onLoadFull }: StepRowProps) {
  const testRun = useMemo(() => testRunOf(step), [step]);
  const toggle = () => onToggleExpand(step.idx);
  const loadFull = () => onLoadFull(step.idx);
  return (
    <article aria-label={`Step ${step.idx}`} data-kind={testRun ? "test_run" : step.kind}>
      <StepHeader step={step} kind={testRun ? "test_run" : step.kind} testRun={testRun} isExpanded={isExpanded} onToggleExpand={toggle} onLoadFull={loadFull} isLoadingFull={isLoadingFull} />
      <StepReviewBar idx={step.idx} />
      <div className="px-3 py-2">
        <StepParts
          parts={step.parts}
          clips={step.clips}
          testRun={testRun}
          shared={{ episodeId, stepIdx: step.idx, isExpanded, onToggleExpand: toggle, onLoadFull: loadFull, isLoadingFull, highlight }}
        />
      </div>
    </article>
  );
});
