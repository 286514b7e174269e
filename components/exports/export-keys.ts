/** TanStack Query keys for exports and recipes: the one factory, so invalidation never guesses. */
export const exportKeys = {
  all: ["exports"] as const,
  list: () => [...exportKeys.all, "list"] as const,
  detail: (id: number) => [...exportKeys.all, "detail", id] as const,
};

export const recipeKeys = {
  all: ["export-recipes"] as const,
  list: () => [...recipeKeys.all, "list"] as const,
  detail: (id: number) => [...recipeKeys.all, "detail", id] as const,
  version: (id: number) => [...recipeKeys.all, "version", id] as const,
};
