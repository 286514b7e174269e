/**
 * Every change the list page makes to its filter. Each edit goes through the URL form and back
 * (`toSearchParams` → `parseEpisodeFilter`), so the result is always the canonical filter a
 * shared link would give, and an edit can never produce a value the API would refuse.
 */
import { rangeColumns } from "@/lib/search/columns";
import { parseEpisodeFilter, toSearchParams, type EpisodeFilter, type NumberRange, type RangeKey, type SortKey } from "@/lib/search/filter";
import type { ListedKey, TriStateKey } from "./filter-labels";

export type ListView = "table" | "groups";

function edit(filter: EpisodeFilter, change: (params: URLSearchParams) => void): EpisodeFilter {
  const params = toSearchParams(filter);
  change(params);
  return parseEpisodeFilter(params);
}

function setList(params: URLSearchParams, key: ListedKey, values: string[]) {
  if (values.length > 0) params.set(key, values.join(","));
  else params.delete(key);
}

export function selectedValues(filter: EpisodeFilter, key: ListedKey): string[] {
  return (filter[key] ?? []).map(String);
}

export function toggleValue(filter: EpisodeFilter, key: ListedKey, value: string): EpisodeFilter {
  const current = selectedValues(filter, key);
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return edit(filter, (params) => setList(params, key, next));
}

export function addValue(filter: EpisodeFilter, key: ListedKey, value: string): EpisodeFilter {
  const trimmed = value.trim();
  if (trimmed === "") return filter;
  return edit(filter, (params) => setList(params, key, [...selectedValues(filter, key), trimmed]));
}

export function isIntegerRange(key: RangeKey): boolean {
  return rangeColumns[key].type === "int";
}

const DECIMALS = 6;

/** A bound the URL accepts: no sign, no exponent; rounded outward so the range never shrinks. */
export function formatBound(value: number, key: RangeKey, direction: "down" | "up"): string {
  const round = direction === "down" ? Math.floor : Math.ceil;
  const nudge = direction === "down" ? 1e-9 : -1e-9;
  const clamped = Math.max(0, value);
  if (isIntegerRange(key)) return String(round(clamped + nudge));
  const scale = 10 ** DECIMALS;
  return (round(clamped * scale + nudge) / scale).toFixed(DECIMALS).replace(/\.?0+$/, "");
}

/** Either side may be missing; a reversed pair is swapped rather than refused. */
export function normalizeRange({ min, max }: NumberRange): NumberRange | undefined {
  const sides = [min, max].filter((v): v is number => v !== undefined && Number.isFinite(v));
  if (sides.length === 0) return undefined;
  if (sides.length === 2) return { min: Math.min(...sides), max: Math.max(...sides) };
  return Number.isFinite(min) ? { min } : { max };
}

export function setRange(filter: EpisodeFilter, key: RangeKey, range: NumberRange | undefined): EpisodeFilter {
  const normal = range && normalizeRange(range);
  return edit(filter, (params) => {
    if (!normal) return params.delete(key);
    const min = normal.min === undefined ? "" : formatBound(normal.min, key, "down");
    const max = normal.max === undefined ? "" : formatBound(normal.max, key, "up");
    params.set(key, `${min}..${max}`);
  });
}

const triStateParams: Record<TriStateKey, string> = { hasTests: "has_tests", hasGold: "has_gold" };

export function setTriState(filter: EpisodeFilter, key: TriStateKey, value: boolean | undefined): EpisodeFilter {
  return edit(filter, (params) => (value === undefined ? params.delete(triStateParams[key]) : params.set(triStateParams[key], String(value))));
}

export function setSearch(filter: EpisodeFilter, q: string): EpisodeFilter {
  return edit(filter, (params) => (q.trim() === "" ? params.delete("q") : params.set("q", q)));
}

/** Substring search (`text=`): case-insensitive, over task text and final patch. */
export function setContains(filter: EpisodeFilter, text: string): EpisodeFilter {
  return edit(filter, (params) => (text.trim() === "" ? params.delete("text") : params.set("text", text)));
}

/** A new sort column starts descending (biggest, newest first); the same column flips. */
export function sortBy(filter: EpisodeFilter, sort: SortKey): EpisodeFilter {
  const dir = filter.sort === sort && filter.dir === "desc" ? "asc" : "desc";
  return { ...filter, sort, dir };
}

/** Clears what narrows the list; the sort is how it is read, so it stays. */
export function clearAll(filter: EpisodeFilter): EpisodeFilter {
  return parseEpisodeFilter(new URLSearchParams({ sort: filter.sort, dir: filter.dir }));
}

/** The filter only: what saved views, bulk actions and exports receive. */
export function canonicalQuery(filter: EpisodeFilter): string {
  return toSearchParams(filter).toString();
}

export function listHref(filter: EpisodeFilter, view: ListView): string {
  const params = toSearchParams(filter);
  if (view === "groups") params.set("view", "groups");
  const query = params.toString();
  return query ? `/episodes?${query}` : "/episodes";
}
