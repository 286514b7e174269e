import type { EpisodeFilter } from "@/lib/search/filter";
import { clearAll } from "./filter-edits";
import { filterChips } from "./filter-chips";

type Props = { filter: EpisodeFilter; onChange: (change: (filter: EpisodeFilter) => EpisodeFilter) => void };

/** What narrows the list right now, each removable on its own, and all at once. */
export function ActiveFilters({ filter, onChange }: Props) {
  const chips = filterChips(filter);
  if (chips.length === 0) return null;
  return (
    <ul aria-label="Active filters" className="flex flex-wrap items-center gap-1.5">
      {chips.map((chip) => (
        <li key={chip.id} className="inline-flex max-w-xs items-center gap-1 rounded-full border border-sky-200 bg-sky-50 py-0.5 pl-2.5 pr-1 text-xs text-sky-900">
          <span className="truncate" title={chip.label}>
            {chip.label}
          </span>
          <button
            type="button"
            aria-label={`Remove ${chip.label}`}
            className="rounded-full px-1 leading-none text-sky-700 hover:bg-sky-100"
            onClick={() => onChange(() => chip.without)}
          >
            ×
          </button>
        </li>
      ))}
      <li>
        <button type="button" className="px-1 text-xs font-medium text-blue-700 hover:underline" onClick={() => onChange(clearAll)}>
          Clear all
        </button>
      </li>
    </ul>
  );
}
