import { Suspense } from "react";
import { AuditView } from "@/components/review/pages/audit-view";
import { requirePageRole } from "@/lib/auth/permission";
import { hasRole } from "@/lib/auth/roles";

export const metadata = { title: "Audit trail" };

export default async function AuditPage() {
  const actor = await requirePageRole("viewer", "/admin/audit");
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">Audit trail</h1>
      <p className="max-w-3xl text-sm text-stone-600">
        Every change to scores, labels, masks, verdicts, rubrics, queues, saved views and bulk actions: who, when, before and after. The trail is append-only; nothing
        here can be edited.
      </p>
      {hasRole(actor.role, "reviewer") ? (
        <Suspense fallback={<p className="text-stone-500">Loading the audit trail…</p>}>
          <AuditView />
        </Suspense>
      ) : (
        <p className="rounded border border-dashed border-stone-300 bg-white p-6 text-stone-600">
          The whole trail needs the reviewer role; you are {actor.role}. An episode&apos;s own history is on the episode.
        </p>
      )}
    </section>
  );
}
