/** TanStack Query keys for judging in the viewer: the one factory, so invalidation never guesses. */
export const reviewKeys = {
  all: ["review"] as const,
  episode: (episodeId: number) => [...reviewKeys.all, "episode", episodeId] as const,
  /** GET /api/episodes/:id/review: status, judgments (blind-filtered), adjudications, queues. */
  episodeReview: (episodeId: number) => [...reviewKeys.episode(episodeId), "review"] as const,
  rubrics: () => [...reviewKeys.all, "rubrics"] as const,
  rubricVersion: (versionId: number) => [...reviewKeys.all, "rubric-version", versionId] as const,
  /** GET /api/queues/:id: the queue, with the slot I hold and its reservation expiry. */
  queue: (queueId: number) => [...reviewKeys.all, "queue", queueId] as const,
  /** Saving my judgment: the mutation key (pending changes are shown at once) and scope (saves go one at a time). */
  judgmentSave: (episodeId: number, rubricVersionId: number, queueId: number | null) =>
    [...reviewKeys.episode(episodeId), "save", rubricVersionId, queueId ?? "none"] as const,
  comments: (episodeId: number) => [...reviewKeys.episode(episodeId), "comments"] as const,
  masks: (episodeId: number) => [...reviewKeys.episode(episodeId), "masks"] as const,
  effectiveMasks: (episodeId: number) => [...reviewKeys.episode(episodeId), "masks", "effective"] as const,
  history: (episodeId: number) => [...reviewKeys.episode(episodeId), "history"] as const,
};
