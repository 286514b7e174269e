"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getJson, sendJson } from "@/components/review/pages/api";
import type { Recipe } from "@/lib/export/recipe/schema";
import type { SavedRecipe, SavedRecipeList } from "@/lib/export/recipes/schema";
import type { PlanReport } from "@/lib/export/types";
import { recipeKeys } from "./export-keys";

export function useRecipes() {
  return useQuery({ queryKey: recipeKeys.list(), queryFn: () => getJson<SavedRecipeList>("/api/export-recipes", "Loading recipes") });
}

/** A saved recipe; the page renders it on the server, and saves update it here. */
export function useRecipe(initial: SavedRecipe | null) {
  return useQuery({
    queryKey: recipeKeys.detail(initial?.id ?? 0),
    queryFn: () => getJson<SavedRecipe>(`/api/export-recipes/${initial?.id}`, "Loading the recipe"),
    enabled: initial !== null,
    initialData: initial ?? undefined,
  });
}

/** Creates the recipe, or saves its next version. */
export function useSaveRecipe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, recipe }: { id: number | null; recipe: Recipe }) =>
      id === null
        ? sendJson<SavedRecipe>("/api/export-recipes", "POST", { recipe }, "Saving the recipe")
        : sendJson<SavedRecipe>(`/api/export-recipes/${id}`, "PUT", { recipe, name: recipe.name }, "Saving the recipe"),
    onSuccess: (saved) => {
      queryClient.setQueryData(recipeKeys.detail(saved.id), saved);
      queryClient.invalidateQueries({ queryKey: recipeKeys.list() });
    },
  });
}

export function usePreview() {
  return useMutation({
    mutationFn: (recipe: Recipe) => sendJson<{ report: PlanReport }>("/api/exports/preview", "POST", { recipe }, "Previewing the recipe"),
  });
}
