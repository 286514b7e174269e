import Link from "next/link";
import type { EpisodeFilter } from "@/lib/search/filter";
import { filterChips, insightsHref, listHref } from "./drill-down";

/** The filter the charts follow, as removable chips, and the same selection in the list. */
export function FilterBar({ filter }: { filter: EpisodeFilter }) {
  const chips = filterChips(filter);
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <span className="text-stone-500">{chips.length === 0 ? "All episodes" : "Filtered by"}</span>
      {chips.length > 0 && (
        <ul aria-label="Active filter" className="flex flex-wrap gap-2">
          {chips.map((chip) => (
            <li key={chip.key} className="flex items-center gap-1 rounded-full border border-stone-300 bg-white py-0.5 pr-1 pl-3">
              <span>{chip.text}</span>
              <Link href={insightsHref(chip.without)} aria-label={`Remove ${chip.text}`} className="rounded-full px-1.5 text-stone-500 hover:bg-stone-100 hover:text-stone-900">
                ×
              </Link>
            </li>
          ))}
        </ul>
      )}
      <Link href={listHref(filter)} className="ml-auto rounded border border-stone-300 bg-white px-3 py-1 hover:bg-stone-100">
        Open in list
      </Link>
    </div>
  );
}
