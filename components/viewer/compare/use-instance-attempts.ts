"use client";

import { useQuery } from "@tanstack/react-query";
import { readResponse } from "@/components/imports/api-response";
import type { EpisodeList } from "@/lib/search/find-episodes";
import { compareKeys } from "./compare-keys";

const ATTEMPTS_LISTED = 50;

/** Every episode of one instance (the first 50), from the episode list API. */
export function useInstanceAttempts(instanceId: string | null) {
  return useQuery({
    queryKey: compareKeys.attempts(instanceId ?? ""),
    enabled: instanceId !== null,
    queryFn: async () => {
      const params = new URLSearchParams({ instance: instanceId ?? "", limit: String(ATTEMPTS_LISTED), sort: "id", dir: "asc" });
      return readResponse<EpisodeList>(await fetch(`/api/episodes?${params}`), "Loading the other attempts");
    },
  });
}
