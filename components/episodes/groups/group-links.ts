/**
 * Links from groups and matrix cells: the page's filter with one instance (and model) selected,
 * written in the filter's canonical URL form so the same selection is always the same URL.
 */
import { parseEpisodeFilter, toSearchParams, type EpisodeFilter } from "@/lib/search/filter";

/** `query` (a canonical filter query string) with some filter keys replaced. */
export function withFilter(query: string, change: Partial<EpisodeFilter>): string {
  return toSearchParams({ ...parseEpisodeFilter(new URLSearchParams(query)), ...change }).toString();
}

const withQuery = (path: string, query: string) => (query === "" ? path : `${path}?${query}`);

export function listHref(query: string, change: Partial<EpisodeFilter> = {}): string {
  return withQuery("/episodes", withFilter(query, change));
}

export function matrixHref(query: string, change: Partial<EpisodeFilter> = {}): string {
  return withQuery("/episodes/matrix", withFilter(query, change));
}

/** The rollout-groups view of the list (the list page switches on `view=groups`). */
export function groupsHref(query: string): string {
  const params = new URLSearchParams(withFilter(query, {}));
  params.set("view", "groups");
  return `/episodes?${params}`;
}

/** The list API's query for one group's attempts, oldest first. */
export function attemptsQuery(query: string, instanceId: string, limit: number): string {
  const params = new URLSearchParams(withFilter(query, { instance: [instanceId], sort: "id", dir: "asc" }));
  params.set("limit", String(limit));
  return params.toString();
}
