"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchNeighbors } from "./viewer-api";
import { viewerKeys } from "./viewer-keys";

/** The episodes before and after this one in the list it was opened from (all episodes without one). */
export function useNeighbors(episodeId: number, list: string | null) {
  return useQuery({
    queryKey: viewerKeys.neighbors(episodeId, list),
    queryFn: ({ signal }) => fetchNeighbors(episodeId, list, signal),
    staleTime: 60_000,
  });
}
