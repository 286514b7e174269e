/** Saved export recipes over the HTTP API: a name and numbered versions of the recipe JSON. */
import { z } from "zod";
import { recipeSchema } from "../recipe/schema";

export const recipeSaveSchema = z.object({
  /** Omit to keep the recipe's own name (recipe.name). */
  name: z.string().trim().min(1).max(200).optional(),
  recipe: recipeSchema,
});
export type RecipeSave = z.output<typeof recipeSaveSchema>;

const person = z.object({ id: z.string(), name: z.string(), email: z.string() }).nullable();

export const recipeVersionSchema = z.object({
  id: z.number().int(),
  recipeId: z.number().int(),
  version: z.number().int(),
  recipe: recipeSchema,
  createdBy: person,
  createdAt: z.iso.datetime(),
  exports: z.number().int().describe("Exports run from this version"),
});
export type RecipeVersion = z.infer<typeof recipeVersionSchema>;

export const savedRecipeSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  createdBy: person,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  current: recipeVersionSchema,
  versions: z.array(z.object({ id: z.number().int(), version: z.number().int(), createdAt: z.iso.datetime() })),
});
export type SavedRecipe = z.infer<typeof savedRecipeSchema>;

export const savedRecipeListSchema = z.object({ items: z.array(savedRecipeSchema.omit({ versions: true })) });
export type SavedRecipeList = z.infer<typeof savedRecipeListSchema>;
