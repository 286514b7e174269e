/** TanStack Query keys for the episode viewer: the one factory, so invalidation never guesses. */
export const viewerKeys = {
  all: ["viewer"] as const,
  episode: (episodeId: number) => [...viewerKeys.all, episodeId] as const,
  stepWindow: (episodeId: number, window: number) => [...viewerKeys.episode(episodeId), "steps", window] as const,
  fullStep: (episodeId: number, idx: number) => [...viewerKeys.episode(episodeId), "full-step", idx] as const,
  search: (episodeId: number, q: string) => [...viewerKeys.episode(episodeId), "search", q] as const,
  neighbors: (episodeId: number, list: string | null) => [...viewerKeys.episode(episodeId), "neighbors", list ?? ""] as const,
};
