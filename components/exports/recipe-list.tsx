"use client";

import Link from "next/link";
import { RelativeTime } from "@/components/ui/relative-time";
import { useRecipes } from "./use-recipes";

export function RecipeList() {
  const { data, error, isPending } = useRecipes();
  if (isPending) return <p className="text-stone-500">Loading recipes…</p>;
  if (error) return <p role="alert" className="text-red-700">{error.message}</p>;
  if (data.items.length === 0) return <p className="text-stone-600">No saved recipes yet.</p>;
  return (
    <ul className="divide-y divide-stone-100 rounded border border-stone-200 bg-white" aria-label="Recipes">
      {data.items.map((recipe) => (
        <li key={recipe.id} className="flex items-center justify-between gap-3 px-3 py-2 text-sm">
          <Link className="font-medium text-blue-700 underline" href={`/exports/recipes/${recipe.id}`}>
            {recipe.name}
          </Link>
          <span className="text-stone-600">
            v{recipe.current.version} · {recipe.current.recipe.components.length} components · {recipe.current.recipe.format.file} {recipe.current.recipe.format.style} · saved{" "}
            <RelativeTime value={recipe.updatedAt} />
          </span>
        </li>
      ))}
    </ul>
  );
}
