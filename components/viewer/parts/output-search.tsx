"use client";

/** Find inside one output: a query, "n of m" and previous / next. */
export function OutputSearch({
  query,
  onQuery,
  matchCount,
  active,
  onActive,
  label,
}: {
  query: string;
  onQuery: (query: string) => void;
  matchCount: number;
  active: number;
  onActive: (index: number) => void;
  label: string;
}) {
  const step = (delta: number) => matchCount > 0 && onActive((active + delta + matchCount) % matchCount);
  return (
    <div role="search" className="flex items-center gap-1">
      <input
        type="search"
        value={query}
        onChange={(event) => {
          onQuery(event.target.value);
          onActive(0);
        }}
        onKeyDown={(event) => {
          if (event.key === "Enter") step(event.shiftKey ? -1 : 1);
          if (event.key === "Escape") {
            onQuery("");
            event.currentTarget.blur();
          }
        }}
        placeholder="Find in output"
        aria-label={label}
        className="w-36 rounded border border-stone-300 bg-white px-1.5 py-0.5 text-xs text-stone-900"
      />
      {query && (
        <>
          <span aria-live="polite" className="text-xs text-stone-600 tabular-nums">
            {matchCount === 0 ? "no matches" : `${active + 1} of ${matchCount} lines`}
          </span>
          <button type="button" onClick={() => step(-1)} disabled={matchCount === 0} aria-label="Previous match" className="rounded border border-stone-300 px-1 text-xs disabled:text-stone-300">
            ↑
          </button>
          <button type="button" onClick={() => step(1)} disabled={matchCount === 0} aria-label="Next match" className="rounded border border-stone-300 px-1 text-xs disabled:text-stone-300">
            ↓
          </button>
        </>
      )}
    </div>
  );
}
