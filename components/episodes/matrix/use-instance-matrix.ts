"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { readResponse } from "@/components/imports/api-response";
import { groupKeys } from "@/components/episodes/groups/group-keys";
import type { InstanceModelMatrix } from "@/lib/search/groups";

const rowsPerPage = 100;

/** `query` is the canonical filter query; each page adds rows, the columns stay those of the first. */
export function useInstanceMatrix(query: string) {
  return useInfiniteQuery({
    queryKey: groupKeys.matrix(query),
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam }) => {
      const params = new URLSearchParams(query);
      params.set("limit", String(rowsPerPage));
      if (pageParam) params.set("cursor", pageParam);
      return readResponse<InstanceModelMatrix>(await fetch(`/api/episodes/matrix?${params}`), "Loading the matrix");
    },
    getNextPageParam: (page) => page.nextCursor,
  });
}
