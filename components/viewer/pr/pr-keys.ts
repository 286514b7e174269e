/** TanStack Query keys for the pull-request view: the one factory. */
export const prKeys = {
  all: ["pull-request"] as const,
  edits: (episodeId: number) => [...prKeys.all, "edits", episodeId] as const,
};
