/**
 * A saved view stores its filter as the canonical URL query (`toSearchParams` of the forgiving
 * parse), so the same filter is the same view whatever order or spelling the link had, and the
 * list can tell which view is showing by comparing strings.
 */
import { parseEpisodeFilter, toSearchParams } from "@/lib/search/filter";

export function canonicalQuery(query: string): string {
  return toSearchParams(parseEpisodeFilter(new URLSearchParams(query))).toString();
}
