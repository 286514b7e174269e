/** TanStack Query keys for import batches: the one factory, so invalidation never guesses. */
export const importKeys = {
  all: ["imports"] as const,
  lists: () => [...importKeys.all, "list"] as const,
  list: (params: { limit: number }) => [...importKeys.lists(), params] as const,
  detail: (id: number) => [...importKeys.all, "detail", id] as const,
};
