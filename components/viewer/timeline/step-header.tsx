"use client";

import type { ViewerStep } from "@/lib/viewer/read-steps";
import { testRunLabel, type TestRunSummary } from "@/lib/viewer/test-output";
import { CopyLinkButton } from "./copy-link-button";
import { kindLabels, kindTones, type ShownKind } from "./step-kind";

type StepHeaderProps = {
  step: ViewerStep;
  kind: ShownKind;
  testRun: TestRunSummary | null;
  isExpanded: boolean;
  onToggleExpand: () => void;
  onLoadFull: () => void;
  isLoadingFull: boolean;
};

export function StepHeader({ step, kind, testRun, isExpanded, onToggleExpand, onLoadFull, isLoadingFull }: StepHeaderProps) {
  const timestamp = typeof step.meta.timestamp === "string" ? step.meta.timestamp : null;
  return (
    <div className="flex flex-wrap items-center gap-2 border-b border-stone-100 px-3 py-1.5 text-xs text-stone-600">
      <a href={`#step-${step.idx}`} aria-label={`Link to step ${step.idx}`} className="font-mono font-semibold text-stone-800 hover:underline">
        #{step.idx}
      </a>
      <span className={`rounded px-1.5 py-0.5 font-medium ${kindTones[kind]}`}>{kindLabels[kind]}</span>
      <span>{step.role}</span>
      {step.toolName && <span className="rounded bg-stone-100 px-1.5 font-mono">{step.toolName}</span>}
      {step.exitCode !== null && <span className={step.exitCode === 0 ? "" : "font-semibold text-red-700"}>exit {step.exitCode}</span>}
      {testRun && <span className={testRun.failed + testRun.errors > 0 ? "text-red-700" : "text-green-800"}>{testRunLabel(testRun)}</span>}
      {timestamp && <time dateTime={timestamp}>{timestamp.replace("T", " ").slice(0, 19)}</time>}
      <span className="flex-1" />
      {step.clips.length > 0 && (
        <button type="button" onClick={onLoadFull} disabled={isLoadingFull} className="rounded border border-amber-300 bg-amber-50 px-1.5 hover:bg-amber-100">
          {isLoadingFull ? "Loading…" : "Load the full step"}
        </button>
      )}
      <button type="button" onClick={onToggleExpand} aria-expanded={isExpanded} aria-label={`${isExpanded ? "Collapse" : "Expand"} step ${step.idx}`} className="rounded border border-stone-300 px-1.5 hover:bg-stone-100">
        {isExpanded ? "Collapse" : "Expand"}
      </button>
      <CopyLinkButton idx={step.idx} />
    </div>
  );
}
