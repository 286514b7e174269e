"use client";

import { useId } from "react";
import type { Verdict } from "@/lib/review/judgments/schema";

export const verdictLabels: Record<Verdict, string> = { approve: "Approve", reject: "Reject", needs_changes: "Needs changes" };
const verdictKeys: Record<Verdict, string> = { approve: "a", reject: "r", needs_changes: "c" };
const verdictTones: Record<Verdict, string> = {
  approve: "has-[:checked]:border-green-600 has-[:checked]:bg-green-50",
  reject: "has-[:checked]:border-red-600 has-[:checked]:bg-red-50",
  needs_changes: "has-[:checked]:border-amber-600 has-[:checked]:bg-amber-50",
};

/** The verdict as three radios ("Approve", "Reject", "Needs changes"); keys a / r / c set them from anywhere. */
export function VerdictField({ verdict, isDisabled, onChange }: { verdict: Verdict | null; isDisabled: boolean; onChange: (verdict: Verdict) => void }) {
  const name = useId();
  return (
    <fieldset className="rounded border border-stone-200 p-2">
      <legend className="px-1 text-sm font-medium">Verdict</legend>
      <div className="flex flex-wrap gap-2">
        {(Object.keys(verdictLabels) as Verdict[]).map((value) => (
          <label key={value} className={`flex items-center gap-1.5 rounded border border-stone-300 px-2 py-1 text-sm ${verdictTones[value]}`}>
            <input type="radio" name={name} checked={verdict === value} disabled={isDisabled} onChange={() => onChange(value)} />
            <span>{verdictLabels[value]}</span>
            <kbd aria-hidden="true" className="rounded border border-stone-300 bg-stone-50 px-1 font-mono text-xs text-stone-500">
              {verdictKeys[value]}
            </kbd>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
