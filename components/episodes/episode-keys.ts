/** TanStack Query keys for episodes: the one factory, so invalidation never guesses. */
import type { EpisodeFilter } from "@/lib/search/filter";

export const episodeKeys = {
  all: ["episodes"] as const,
  lists: () => [...episodeKeys.all, "list"] as const,
  list: (filter: EpisodeFilter) => [...episodeKeys.lists(), filter] as const,
  facets: (filter: EpisodeFilter) => [...episodeKeys.all, "facets", filter] as const,
};
