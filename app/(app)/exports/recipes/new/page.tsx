import { RecipeEditor } from "@/components/exports/recipe-editor";
import { recipeText } from "@/lib/export/recipe/recipe-text";
import { requirePageRole } from "@/lib/auth/permission";
import { exampleRecipeInput } from "@/lib/export/recipe/example";

export const metadata = { title: "New recipe" };

/** Starts from the daVinci-style example, which runs against any corpus. */
export default async function NewRecipePage() {
  await requirePageRole("reviewer", "/exports/recipes/new");
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">New recipe</h1>
      <RecipeEditor initial={null} initialText={recipeText(exampleRecipeInput)} />
    </section>
  );
}
