"use client";

import { useState } from "react";
import { formatCount } from "./cell-format";
import { valueLabel, type ListedKey } from "./filter-labels";

type FacetValue = { value: string; count: number | null };
type Props = {
  facet: ListedKey;
  title: string;
  counts: readonly { value: string; count: number }[];
  selected: readonly string[];
  note?: string;
  onToggle: (value: string) => void;
};

const SHOWN = 6;
const SEARCHABLE_FROM = 10;

/** Selected values the counts left out (past the top values) still show, so they can be unticked. */
function withSelected(counts: Props["counts"], selected: Props["selected"]): FacetValue[] {
  const missing = selected.filter((value) => !counts.some((c) => c.value === value)).map((value) => ({ value, count: null }));
  return [...counts, ...missing];
}

/** One facet: its values with live counts, a filter box for long lists and "show more". */
export function FacetList({ facet, title, counts, selected, note, onToggle }: Props) {
  const [search, setSearch] = useState("");
  const [isExpanded, setIsExpanded] = useState(false);
  const all = withSelected(counts, selected);
  const needle = search.trim().toLowerCase();
  const matching = needle ? all.filter((v) => `${v.value} ${valueLabel(facet, v.value)}`.toLowerCase().includes(needle)) : all;
  const shown = isExpanded || needle ? matching : matching.slice(0, SHOWN);

  return (
    <details open className="group border-b border-stone-200 py-2" aria-label={title}>
      <summary className="cursor-pointer text-sm font-semibold text-stone-800">
        {title}
        {selected.length > 0 && <span className="ml-1 font-normal text-stone-500">({selected.length})</span>}
      </summary>
      {note && <p className="mt-1 text-xs text-stone-500">{note}</p>}
      {all.length >= SEARCHABLE_FROM && (
        <input
          type="search"
          aria-label={`Filter ${title} values`}
          placeholder={`Filter ${title.toLowerCase()}…`}
          className="mt-2 w-full rounded border border-stone-300 px-2 py-1 text-xs"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
      )}
      <ul className="mt-1 space-y-0.5">
        {shown.map(({ value, count }) => (
          <li key={value}>
            <label className="flex cursor-pointer items-center gap-2 rounded px-1 py-0.5 text-sm hover:bg-stone-100">
              <input type="checkbox" checked={selected.includes(value)} onChange={() => onToggle(value)} />
              <span className="min-w-0 flex-1 truncate" title={value}>
                {valueLabel(facet, value)}
              </span>
              <span className="text-xs tabular-nums text-stone-500">{count === null ? "–" : formatCount(count)}</span>
            </label>
          </li>
        ))}
      </ul>
      {needle && matching.length === 0 && <p className="text-xs text-stone-500">No values match.</p>}
      {!needle && matching.length > SHOWN && (
        <button type="button" className="mt-1 text-xs text-blue-700 hover:underline" onClick={() => setIsExpanded(!isExpanded)}>
          {isExpanded ? "Show fewer" : `Show ${matching.length - SHOWN} more`}
        </button>
      )}
    </details>
  );
}
