/** TanStack Query keys for the Insights numbers: one per canonical filter query string. */
export const insightKeys = {
  all: ["insights"] as const,
  forFilter: (query: string) => [...insightKeys.all, query] as const,
};
