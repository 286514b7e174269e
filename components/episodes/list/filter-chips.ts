/** The active-filter chips: one per selected value, range or switch, each knowing its own removal. */
import type { EpisodeFilter, NumberRange, RangeKey } from "@/lib/search/filter";
import { selectedValues, setContains, setRange, setSearch, setTriState, toggleValue } from "./filter-edits";
import { formatRangeValue, listedTitles, rangeTitles, triStateTitles, valueLabel, type ListedKey, type TriStateKey } from "./filter-labels";

export type FilterChip = { id: string; label: string; without: EpisodeFilter };

const listedKeys = Object.keys(listedTitles) as ListedKey[];
const rangeKeys = Object.keys(rangeTitles) as RangeKey[];
const triStateKeys = Object.keys(triStateTitles) as TriStateKey[];

export function rangeLabel(key: RangeKey, { min, max }: NumberRange): string {
  const format = (value: number) => formatRangeValue(key, value);
  if (min !== undefined && max !== undefined) return min === max ? format(min) : `${format(min)}–${format(max)}`;
  return min !== undefined ? `≥ ${format(min)}` : `≤ ${format(max ?? 0)}`;
}

export function filterChips(filter: EpisodeFilter): FilterChip[] {
  const chips: FilterChip[] = [];
  if (filter.q) chips.push({ id: "q", label: `Search: ${filter.q}`, without: setSearch(filter, "") });
  if (filter.text) chips.push({ id: "text", label: `Contains: ${filter.text}`, without: setContains(filter, "") });
  for (const key of listedKeys) {
    for (const value of selectedValues(filter, key)) {
      chips.push({ id: `${key}:${value}`, label: `${listedTitles[key]}: ${valueLabel(key, value)}`, without: toggleValue(filter, key, value) });
    }
  }
  for (const key of rangeKeys) {
    const range = filter[key];
    if (range) chips.push({ id: key, label: `${rangeTitles[key]}: ${rangeLabel(key, range)}`, without: setRange(filter, key, undefined) });
  }
  for (const key of triStateKeys) {
    const value = filter[key];
    if (value !== undefined) chips.push({ id: key, label: `${triStateTitles[key]}: ${value ? "yes" : "no"}`, without: setTriState(filter, key, undefined) });
  }
  return chips;
}
