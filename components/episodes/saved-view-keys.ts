/** TanStack Query keys for saved views: the one factory, so invalidation never guesses. */
export const savedViewKeys = {
  all: ["saved-views"] as const,
  list: () => [...savedViewKeys.all, "list"] as const,
};
