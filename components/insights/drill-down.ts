/**
 * Where a bar or slice leads: the episode list under the page's filter with that value chosen.
 * The chosen key replaces the filter's own (the chart was drawn under it, so the value is within it).
 */
import { toSearchParams, type EpisodeFilter } from "@/lib/search/filter";

export function listHref(filter: EpisodeFilter, choice: Partial<EpisodeFilter> = {}): string {
  const query = toSearchParams({ ...filter, ...choice }).toString();
  return query ? `/episodes?${query}` : "/episodes";
}

export function insightsHref(filter: EpisodeFilter): string {
  const query = toSearchParams(filter).toString();
  return query ? `/insights?${query}` : "/insights";
}

/** The filter's chips as the URL spells them (sorting is left out: it does not change a chart). */
export function filterChips(filter: EpisodeFilter): { key: string; text: string; without: EpisodeFilter }[] {
  return [...toSearchParams(filter)]
    .filter(([key]) => key !== "sort" && key !== "dir")
    .map(([key, value]) => ({ key, text: `${key}: ${value}`, without: withoutParam(filter, key) }));
}

const filterNames: Record<string, keyof EpisodeFilter> = { has_tests: "hasTests", has_gold: "hasGold" };

function withoutParam(filter: EpisodeFilter, param: string): EpisodeFilter {
  const name = filterNames[param] ?? (param as keyof EpisodeFilter);
  const { [name]: _removed, ...rest } = filter;
  return rest as EpisodeFilter;
}
