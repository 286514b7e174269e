import { notFound } from "next/navigation";
import { RecipeEditor } from "@/components/exports/recipe-editor";
import { recipeText } from "@/lib/export/recipe/recipe-text";
import { requirePageRole } from "@/lib/auth/permission";
import { getRecipe } from "@/lib/export/recipes/recipes";
import { NotFoundError } from "@/lib/errors";

export const metadata = { title: "Recipe" };

export default async function RecipePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePageRole("reviewer", `/exports/recipes/${id}`);
  const recipeId = Number(id);
  if (!Number.isInteger(recipeId) || recipeId <= 0) notFound();
  const saved = await getRecipe(recipeId).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">{saved.name}</h1>
      <RecipeEditor key={saved.id} initial={saved} initialText={recipeText(saved.current.recipe)} />
    </section>
  );
}
