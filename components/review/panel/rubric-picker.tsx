"use client";

import { useId } from "react";
import type { RubricChoice } from "./rubric-choices";

/** Outside a queue an episode can be judged under any rubric: pick which. */
export function RubricPicker({ choices, value, onChange }: { choices: RubricChoice[]; value: number | null; onChange: (versionId: number) => void }) {
  const id = useId();
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <label htmlFor={id} className="font-medium">
        Rubric
      </label>
      <select id={id} value={value ?? ""} onChange={(event) => onChange(Number(event.target.value))} className="min-w-0 flex-1 rounded border border-stone-300 px-2 py-1">
        {choices.map((choice) => (
          <option key={choice.versionId} value={choice.versionId}>
            {choice.label}
          </option>
        ))}
      </select>
    </div>
  );
}
