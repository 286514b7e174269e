"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { JsonEditor } from "@/components/viewer/monaco";
import { recipeSchema } from "@/lib/export/recipe/schema";
import type { SavedRecipe } from "@/lib/export/recipes/schema";
import { RecipePreview } from "./recipe-preview";
import { RecipeVersions } from "./recipe-versions";
import { checkRecipeText, recipeText } from "@/lib/export/recipe/recipe-text";
import { usePreview, useRecipe, useSaveRecipe } from "./use-recipes";
import { useStartExport } from "./use-exports";

const recipeJsonSchema = z.toJSONSchema(recipeSchema, { io: "input", unrepresentable: "any" });

/**
 * A recipe as JSON (the same document the CLI reads), checked as you type, previewed on demand,
 * saved as the next version, and run. Running a saved recipe runs exactly the saved version.
 */
export function RecipeEditor({ initial, initialText }: { initial: SavedRecipe | null; initialText: string }) {
  const router = useRouter();
  const saved = useRecipe(initial).data ?? null;
  const [text, setText] = useState(initialText);
  const [savedText, setSavedText] = useState(initial ? initialText : null);
  const [opened, setOpened] = useState<number | null>(null);
  const check = useMemo(() => checkRecipeText(text), [text]);
  const preview = usePreview();
  const save = useSaveRecipe();
  const start = useStartExport();
  const isDirty = text !== savedText;
  const error = preview.error ?? save.error ?? start.error;

  async function saveVersion() {
    if (!check.recipe) return null;
    const result = await save.mutateAsync({ id: saved?.id ?? null, recipe: check.recipe });
    setSavedText(text);
    setOpened(null);
    if (!saved) router.replace(`/exports/recipes/${result.id}`);
    return result;
  }

  async function run() {
    const current = isDirty || !saved ? await saveVersion() : saved;
    if (!current) return;
    const { id } = await start.mutateAsync({ recipeVersionId: current.current.id });
    router.push(`/exports/${id}`);
  }

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-2">
        <Button onClick={() => check.recipe && preview.mutate(check.recipe)} disabled={!check.recipe || preview.isPending}>
          {preview.isPending ? "Previewing…" : "Preview"}
        </Button>
        <Button onClick={() => void saveVersion().catch(() => undefined)} disabled={!check.recipe || !isDirty || save.isPending}>
          {saved ? `Save as version ${saved.current.version + 1}` : "Save recipe"}
        </Button>
        <Button variant="primary" onClick={() => void run().catch(() => undefined)} disabled={!check.recipe || start.isPending || save.isPending}>
          {isDirty && saved ? "Save and run export" : "Run export"}
        </Button>
        <Button onClick={() => downloadJson(text, `${check.recipe?.name ?? "recipe"}.json`)} disabled={!check.recipe}>
          Download JSON
        </Button>
        <span className="text-sm text-stone-600" aria-live="polite">
          {saved ? `Version ${saved.current.version}${isDirty ? " · unsaved changes" : " · saved"}` : "Not saved yet"}
          {saved && opened !== null && isDirty && ` · showing version ${opened}; save to make it version ${saved.current.version + 1}`}
        </span>
      </div>
      {error && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-800">
          {error.message}
        </p>
      )}
      <JsonEditor label="Recipe JSON" path="recipe.json" value={text} onChange={setText} schema={recipeJsonSchema} height={520} />
      {check.problems.length > 0 ? (
        <ul aria-label="Recipe problems" className="list-inside list-disc rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900">
          {check.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-green-700">The recipe is valid.</p>
      )}
      {preview.data && <RecipePreview report={preview.data.report} />}
      {saved && (
        <RecipeVersions
          saved={saved}
          onOpen={(version) => {
            setText(recipeText(version.recipe));
            setOpened(version.version);
          }}
        />
      )}
    </div>
  );
}

/** The recipe as a file, for `atelier export --recipe FILE`. */
function downloadJson(text: string, name: string) {
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const link = Object.assign(document.createElement("a"), { href: url, download: name.replace(/[^\w.-]+/g, "-") });
  link.click();
  URL.revokeObjectURL(url);
}
