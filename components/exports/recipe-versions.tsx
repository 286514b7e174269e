"use client";

import { useRouter } from "next/navigation";
import { getJson } from "@/components/review/pages/api";
import { Button } from "@/components/ui/button";
import { RelativeTime } from "@/components/ui/relative-time";
import type { RecipeVersion, SavedRecipe } from "@/lib/export/recipes/schema";
import { useStartExport } from "./use-exports";

/**
 * Every saved version, newest first: open one in the editor (to start the next version from it)
 * or run it exactly as it was saved.
 */
export function RecipeVersions({ saved, onOpen }: { saved: SavedRecipe; onOpen: (version: RecipeVersion) => void }) {
  const router = useRouter();
  const start = useStartExport();
  const open = async (id: number) => onOpen(await getJson<RecipeVersion>(`/api/export-recipes/versions/${id}`, "Loading the version"));
  return (
    <section aria-labelledby="versions-heading" className="space-y-2">
      <h2 id="versions-heading" className="text-lg font-semibold">
        Versions
      </h2>
      {start.error && (
        <p role="alert" className="text-sm text-red-700">
          {start.error.message}
        </p>
      )}
      <ul className="divide-y divide-stone-100 rounded border border-stone-200 bg-white text-sm" aria-label="Recipe versions">
        {saved.versions.map((version) => (
          <li key={version.id} className="flex items-center justify-between gap-3 px-3 py-1.5">
            <span>
              Version {version.version}
              {version.id === saved.current.id && " (current)"} · saved <RelativeTime value={version.createdAt} />
            </span>
            <span className="flex gap-2">
              <Button size="sm" onClick={() => void open(version.id)}>
                Open version {version.version}
              </Button>
              <Button
                size="sm"
                onClick={() => start.mutate({ recipeVersionId: version.id }, { onSuccess: ({ id }) => router.push(`/exports/${id}`) })}
                disabled={start.isPending}
              >
                Run version {version.version}
              </Button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
