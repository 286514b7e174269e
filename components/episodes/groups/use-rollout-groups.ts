"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { readResponse } from "@/components/imports/api-response";
import type { EpisodeList } from "@/lib/search/find-episodes";
import type { RolloutGroupList } from "@/lib/search/groups";
import { groupKeys } from "./group-keys";
import { attemptsQuery } from "./group-links";

const groupsPerPage = 50;
/** A group lists this many attempts inline; the rest are a link to the list away. */
export const attemptsShown = 50;

/** `query` is the canonical filter query; pages follow the API's cursor. */
export function useRolloutGroups(query: string) {
  return useInfiniteQuery({
    queryKey: groupKeys.list(query),
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam }) => {
      const params = new URLSearchParams(query);
      params.set("limit", String(groupsPerPage));
      if (pageParam) params.set("cursor", pageParam);
      return readResponse<RolloutGroupList>(await fetch(`/api/episodes/groups?${params}`), "Loading rollout groups");
    },
    getNextPageParam: (page) => page.nextCursor,
  });
}

/** One group's attempts with their outcomes, from the episode list under the same filter. */
export function useGroupAttempts(query: string, instanceId: string) {
  const params = attemptsQuery(query, instanceId, attemptsShown);
  return useQuery({
    queryKey: groupKeys.attempts(params),
    queryFn: async () => readResponse<EpisodeList>(await fetch(`/api/episodes?${params}`), "Loading the attempts"),
  });
}
