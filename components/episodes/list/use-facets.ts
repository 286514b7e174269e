"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { readResponse } from "@/components/imports/api-response";
import { toSearchParams, type EpisodeFilter } from "@/lib/search/filter";
import type { FacetCounts } from "@/lib/search/facets";
import { episodeKeys } from "../episode-keys";

/** Facet counts and histograms under the filter; the sort does not change them, so it is left out of the key. */
export function useFacets(filter: EpisodeFilter) {
  const unsorted: EpisodeFilter = { ...filter, sort: "created", dir: "desc" };
  return useQuery({
    queryKey: episodeKeys.facets(unsorted),
    queryFn: async ({ signal }) => readResponse<FacetCounts>(await fetch(`/api/episodes/facets?${toSearchParams(unsorted)}`, { signal }), "Loading facet counts"),
    placeholderData: keepPreviousData,
  });
}
