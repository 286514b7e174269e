"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { readResponse } from "@/components/imports/api-response";
import type { Insights } from "@/lib/insights/insights";
import { toSearchParams, type EpisodeFilter } from "@/lib/search/filter";
import { insightKeys } from "./insight-keys";

export function useInsights(filter: EpisodeFilter) {
  const query = toSearchParams(filter).toString();
  return useQuery({
    queryKey: insightKeys.forFilter(query),
    queryFn: async () => readResponse<Insights>(await fetch(`/api/insights?${query}`), "Loading insights"),
    // Changing the filter keeps the old charts up until the new numbers arrive.
    placeholderData: keepPreviousData,
  });
}
