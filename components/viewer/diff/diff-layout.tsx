"use client";

/** Side by side or inline: the one switch every diff view offers. */
export function DiffLayoutToggle({ sideBySide, onChange }: { sideBySide: boolean; onChange: (sideBySide: boolean) => void }) {
  const option = (value: boolean, label: string) => (
    <button
      type="button"
      aria-pressed={sideBySide === value}
      onClick={() => onChange(value)}
      className={`px-2 py-1 ${sideBySide === value ? "bg-stone-800 text-white" : "bg-white text-stone-700 hover:bg-stone-100"}`}
    >
      {label}
    </button>
  );
  return (
    <div role="group" aria-label="Diff layout" className="inline-flex overflow-hidden rounded border border-stone-300 text-xs">
      {option(true, "Side by side")}
      {option(false, "Inline")}
    </div>
  );
}

/** Editor height for a diff: tall enough for short texts, capped for long ones (which scroll inside). */
export function diffHeight(original: string, modified: string, max = 480): number {
  const lines = Math.max(original.split("\n").length, modified.split("\n").length);
  return Math.min(max, Math.max(96, lines * 19 + 24));
}
