"use client";

import Link from "next/link";
import { partsText, stepPreview } from "./step-preview";
import { useStep } from "./use-step-page";

/** One side of an aligned row: the step's header (with a link into the episode) and the start of its text. */
export function StepCell({ episodeId, idx }: { episodeId: number; idx: number }) {
  const { data: step, error } = useStep(episodeId, idx);
  const preview = step ? stepPreview(partsText(step.parts)) : null;
  return (
    <div role="cell" className="min-w-0 px-3 py-2">
      <div className="flex flex-wrap items-center gap-2 text-xs text-stone-600">
        <Link
          href={`/episodes/${episodeId}#step-${idx}`}
          prefetch={false}
          aria-label={`Step ${idx} of episode ${episodeId}`}
          className="font-mono text-blue-700 hover:underline"
        >
          #{idx}
        </Link>
        {step && (
          <>
            <span className="font-medium text-stone-800">{step.role}</span>
            <span>{step.kind.replace("_", " ")}</span>
            {step.toolName && <span className="rounded bg-stone-100 px-1.5 font-mono">{step.toolName}</span>}
            {step.exitCode !== null && <span className={step.exitCode === 0 ? "" : "text-red-700"}>exit {step.exitCode}</span>}
          </>
        )}
      </div>
      {error && <p className="mt-1 text-xs text-red-700">{error.message}</p>}
      {!step && !error && <p className="mt-1 text-xs text-stone-400">Loading step…</p>}
      {preview && (
        <pre className="mt-1 max-h-56 overflow-hidden whitespace-pre-wrap font-mono text-xs text-stone-800 [overflow-wrap:anywhere]">
          {preview.text}
          {preview.isClipped && <span className="text-stone-400">{"\n"}…</span>}
        </pre>
      )}
    </div>
  );
}

export function GapCell({ otherSide }: { otherSide: string }) {
  return (
    <div role="cell" className="flex items-center px-3 py-2 text-xs italic text-amber-800">
      No matching step (only {otherSide} has one here)
    </div>
  );
}
