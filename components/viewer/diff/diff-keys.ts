/** TanStack Query keys for the diff views, under the viewer's per-episode key so one invalidation covers both. */
export const diffKeys = {
  edits: (episodeId: number) => ["viewer", episodeId, "edits"] as const,
};
