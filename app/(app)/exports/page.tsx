import Link from "next/link";
import { ExportHistory } from "@/components/exports/export-history";
import { RecipeList } from "@/components/exports/recipe-list";
import { requirePageRole } from "@/lib/auth/permission";
import { hasRole } from "@/lib/auth/roles";

export const metadata = { title: "Exports" };

export default async function ExportsPage() {
  const actor = await requirePageRole("viewer", "/exports");
  if (!hasRole(actor.role, "reviewer"))
    return (
      <section className="space-y-4">
        <h1 className="text-2xl font-semibold">Exports</h1>
        <p className="rounded border border-dashed border-stone-300 bg-white p-6 text-stone-600">
          Exporting needs the reviewer role; you are {actor.role}. Ask an admin for the reviewer role.
        </p>
      </section>
    );
  return (
    <section className="space-y-6">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold">Exports</h1>
        <Link className="rounded bg-stone-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-stone-700" href="/exports/recipes/new">
          New recipe
        </Link>
      </div>
      <section aria-labelledby="recipes-heading" className="space-y-3">
        <h2 id="recipes-heading" className="text-lg font-semibold">
          Recipes
        </h2>
        <RecipeList />
      </section>
      <section aria-labelledby="history-heading" className="space-y-3">
        <h2 id="history-heading" className="text-lg font-semibold">
          History
        </h2>
        <ExportHistory />
      </section>
    </section>
  );
}
