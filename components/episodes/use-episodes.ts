"use client";

import { useQuery } from "@tanstack/react-query";
import type { EpisodeListItem } from "@/lib/search/find-episodes";
import { episodeKeys } from "./episode-keys";

type EpisodePage = { items: (Omit<EpisodeListItem, "createdAt"> & { createdAt: string })[]; nextCursor: string | null };

export function useEpisodes(cursor: string | null) {
  return useQuery({
    queryKey: episodeKeys.list({ cursor }),
    queryFn: async (): Promise<EpisodePage> => {
      const params = new URLSearchParams(cursor ? { cursor } : {});
      const response = await fetch(`/api/episodes?${params}`);
      if (!response.ok) throw new Error(`Loading episodes failed (${response.status})`);
      return response.json();
    },
  });
}
