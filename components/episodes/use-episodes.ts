"use client";

import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import { readResponse } from "@/components/imports/api-response";
import { toSearchParams, type EpisodeFilter } from "@/lib/search/filter";
import type { EpisodeList } from "@/lib/search/find-episodes";
import { episodeKeys } from "./episode-keys";

export const EPISODE_PAGE_SIZE = 50;

/** The filtered list, one keyset page after another (`nextCursor`); never an offset. */
export function useEpisodes(filter: EpisodeFilter) {
  return useInfiniteQuery({
    queryKey: episodeKeys.list(filter),
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam, signal }): Promise<EpisodeList> => {
      const params = toSearchParams(filter);
      params.set("limit", String(EPISODE_PAGE_SIZE));
      if (pageParam) params.set("cursor", pageParam);
      return readResponse<EpisodeList>(await fetch(`/api/episodes?${params}`, { signal }), "Loading episodes");
    },
    getNextPageParam: (page) => page.nextCursor,
    // While a new filter loads, the old rows stay (dimmed) instead of the table collapsing.
    placeholderData: keepPreviousData,
  });
}
