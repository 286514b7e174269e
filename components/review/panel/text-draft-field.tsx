"use client";

import { useId, useState } from "react";

type TextDraftFieldProps = {
  label: string;
  saved: string;
  isDisabled: boolean;
  onCommit: (text: string) => void;
  isMultiline?: boolean;
  placeholder?: string;
  hint?: string;
  /** Show the label above the box (inside a fieldset the legend already names it). */
  showLabel?: boolean;
};

/**
 * A textbox that shows the saved text until you type, and saves what you typed when you leave it
 * (or press Enter in a single line). Typing here owns the keyboard: no review keys fire.
 */
export function TextDraftField({ label, saved, isDisabled, onCommit, isMultiline = true, placeholder, hint, showLabel = false }: TextDraftFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft !== null && draft !== saved) onCommit(draft);
    setDraft(null);
  };
  const shared = {
    id,
    "aria-label": showLabel ? undefined : label,
    value: draft ?? saved,
    disabled: isDisabled,
    placeholder,
    onBlur: commit,
    className: "mt-1 w-full rounded border border-stone-300 px-2 py-1 text-sm disabled:bg-stone-100",
  };
  return (
    <>
      {showLabel && (
        <label htmlFor={id} className="text-sm font-medium">
          {label}
        </label>
      )}
      {isMultiline ? (
        <textarea {...shared} rows={2} onChange={(event) => setDraft(event.target.value)} />
      ) : (
        <input
          {...shared}
          type="text"
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            // Enter saves this box; it must not submit the surrounding form.
            if (event.key !== "Enter") return;
            event.preventDefault();
            commit();
          }}
        />
      )}
      {hint && <p className="text-xs text-stone-500">{hint}</p>}
    </>
  );
}
