/** TanStack Query keys for rollout groups and the matrix: the one factory, keyed by the canonical filter query. */
export const groupKeys = {
  all: ["episode-groups"] as const,
  list: (query: string) => [...groupKeys.all, "list", query] as const,
  attempts: (query: string) => [...groupKeys.all, "attempts", query] as const,
  matrix: (query: string) => [...groupKeys.all, "matrix", query] as const,
};
