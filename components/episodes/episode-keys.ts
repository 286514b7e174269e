/** TanStack Query keys for episodes: the one factory, so invalidation never guesses. */
export const episodeKeys = {
  all: ["episodes"] as const,
  list: (params: { cursor: string | null }) => [...episodeKeys.all, "list", params] as const,
};
