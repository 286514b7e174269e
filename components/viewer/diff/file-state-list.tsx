"use client";

import type { FileHistory } from "@/lib/diff/repo-state";

/** The steps that touched one file, as stops to jump to; the final patch is the last stop. */
export function FileStateList({ file, step, end, onSelect }: { file: FileHistory; step: number; end: number; onSelect: (step: number) => void }) {
  const stops = [
    ...file.states.map((s) => ({ step: s.stepIdx, label: `Step ${s.stepIdx} · ${s.operation}${s.error ? " (refused)" : ""}`, isEdit: s.isEdit })),
    ...(file.final ? [{ step: end, label: "Final patch", isEdit: true }] : []),
  ].filter((stop, i, all) => all.findIndex((other) => other.label === stop.label && other.step === stop.step) === i);
  return (
    <ol aria-label={`Steps that touched ${file.path}`} className="flex flex-wrap gap-1 text-xs">
      {stops.map((stop) => (
        <li key={`${stop.step}-${stop.label}`}>
          <button
            type="button"
            aria-current={stop.step === step ? "step" : undefined}
            onClick={() => onSelect(stop.step)}
            className={`rounded border px-2 py-0.5 ${stop.step === step ? "border-stone-800 bg-stone-800 text-white" : stop.isEdit ? "border-stone-300 bg-white text-stone-800 hover:bg-stone-100" : "border-dashed border-stone-300 bg-white text-stone-500 hover:bg-stone-50"}`}
          >
            {stop.label}
          </button>
        </li>
      ))}
    </ol>
  );
}
