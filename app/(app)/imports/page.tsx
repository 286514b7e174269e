import { BatchHistory } from "@/components/imports/batch-history";
import { ImportPanel } from "@/components/imports/import-panel";
import { requirePageRole } from "@/lib/auth/permission";
import { hasRole } from "@/lib/auth/roles";
import { formatModules } from "@/lib/formats";

export const metadata = { title: "Imports" };

export default async function ImportsPage() {
  const actor = await requirePageRole("viewer", "/imports");
  const canImport = hasRole(actor.role, "reviewer");
  return (
    <section className="space-y-6">
      <h1 className="text-2xl font-semibold">Imports</h1>
      <section aria-labelledby="new-import" className="space-y-3">
        <h2 id="new-import" className="text-lg font-semibold">
          New import
        </h2>
        {canImport ? (
          <ImportPanel formats={formatModules.map((module) => module.name)} />
        ) : (
          <p className="rounded border border-dashed border-stone-300 bg-white p-6 text-stone-600">
            Importing needs the reviewer role; you are {actor.role}. You can still browse the history below.
          </p>
        )}
      </section>
      <section aria-labelledby="import-history" className="space-y-3">
        <h2 id="import-history" className="text-lg font-semibold">
          History
        </h2>
        <BatchHistory canUndo={canImport} />
      </section>
    </section>
  );
}
