"use client";

import type { EpisodeFilter, RangeKey } from "@/lib/search/filter";
import { addValue, selectedValues, setContains, setRange, setTriState, toggleValue } from "./filter-edits";
import { countedFacetOrder, listedTitles, rangeTitles, triStateTitles, type TriStateKey } from "./filter-labels";
import { FacetList } from "./facet-list";
import { RangeFilter } from "./range-filter";
import { TextValueFilter } from "./text-value-filter";
import { TriStateFilter } from "./tri-state-filter";
import { useFacets } from "./use-facets";

type Props = { filter: EpisodeFilter; onChange: (change: (filter: EpisodeFilter) => EpisodeFilter) => void };

const notes: Partial<Record<string, string>> = { flag: "Episodes carry every ticked flag (AND)." };
const rangeKeys = Object.keys(rangeTitles) as RangeKey[];
const triStateKeys = Object.keys(triStateTitles) as TriStateKey[];

/** Narrowing the list: facet values with live counts, typed values, ranges and yes/no switches. */
export function FilterSidebar({ filter, onChange }: Props) {
  const { data, error } = useFacets(filter);
  return (
    <aside aria-label="Filters" className="text-sm">
      {error && <p role="alert" className="text-xs text-red-700">{error.message}</p>}
      {!data && !error && <p className="text-xs text-stone-500">Loading counts…</p>}
      {data &&
        countedFacetOrder.map((facet) => {
          const selected = selectedValues(filter, facet);
          const counts = data.facets[facet] ?? [];
          if (counts.length === 0 && selected.length === 0) return null;
          return (
            <FacetList
              key={facet}
              facet={facet}
              title={listedTitles[facet]}
              counts={counts}
              selected={selected}
              note={notes[facet]}
              onToggle={(value) => onChange((f) => toggleValue(f, facet, value))}
            />
          );
        })}
      <TextValueFilter
        label="Instance id"
        hint="Exact id; add several to see any of them."
        placeholder="django__django-11099"
        onAdd={(value) => onChange((f) => addValue(f, "instance", value))}
      />
      <TextValueFilter
        label="Contains text"
        hint="Exact characters in the task or the final patch (at least 3), e.g. a code fragment full text cannot find."
        placeholder="QuerySet.filter("
        onAdd={(value) => onChange((f) => setContains(f, value))}
      />
      <TextValueFilter
        label="Touched path"
        hint="A substring like tests/ or a glob like src/*.py."
        placeholder="tests/"
        onAdd={(value) => onChange((f) => addValue(f, "path", value))}
      />
      {rangeKeys.map((key) => (
        <RangeFilter key={key} rangeKey={key} histogram={data?.histograms[key]} range={filter[key]} onChange={(range) => onChange((f) => setRange(f, key, range))} />
      ))}
      <div className="py-2">
        {triStateKeys.map((key) => (
          <TriStateFilter key={key} title={triStateTitles[key]} value={filter[key]} onChange={(value) => onChange((f) => setTriState(f, key, value))} />
        ))}
      </div>
    </aside>
  );
}
