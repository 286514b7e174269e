"use client";

/** A row of mutually exclusive buttons (pressed = chosen): layouts, extents. */
export function ToggleGroup<T extends string>({ label, options, value, onChange }: { label: string; options: { value: T; label: string }[]; value: T; onChange: (value: T) => void }) {
  return (
    <div role="group" aria-label={label} className="inline-flex overflow-hidden rounded border border-stone-300 text-xs">
      {options.map((option) => (
        <button
          key={option.value}
          type="button"
          aria-pressed={value === option.value}
          onClick={() => onChange(option.value)}
          className={`px-2 py-1 ${value === option.value ? "bg-stone-800 text-white" : "bg-white text-stone-700 hover:bg-stone-100"}`}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}

/** Side by side or inline: the one switch every diff view offers. */
export function DiffLayoutToggle({ sideBySide, onChange }: { sideBySide: boolean; onChange: (sideBySide: boolean) => void }) {
  return (
    <ToggleGroup
      label="Diff layout"
      options={[
        { value: "side", label: "Side by side" },
        { value: "inline", label: "Inline" },
      ]}
      value={sideBySide ? "side" : "inline"}
      onChange={(value) => onChange(value === "side")}
    />
  );
}

/** Editor height for a diff: tall enough for short texts, capped for long ones (which scroll inside). */
export function diffHeight(original: string, modified: string, max = 480): number {
  const lines = Math.max(original.split("\n").length, modified.split("\n").length);
  return Math.min(max, Math.max(96, lines * 19 + 24));
}
