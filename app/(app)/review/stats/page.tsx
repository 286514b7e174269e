import { Suspense } from "react";
import { ReviewTabs } from "@/components/review/pages/review-tabs";
import { StatsView } from "@/components/review/pages/stats-view";
import { requirePageRole } from "@/lib/auth/permission";
import { hasRole } from "@/lib/auth/roles";

export const metadata = { title: "Annotator statistics" };

export default async function StatsPage() {
  const actor = await requirePageRole("viewer", "/review/stats");
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">Annotator statistics</h1>
      <ReviewTabs current="stats" role={actor.role} />
      {hasRole(actor.role, "annotator") ? (
        <Suspense fallback={<p className="text-stone-500">Loading statistics…</p>}>
          <StatsView isEveryone={hasRole(actor.role, "reviewer")} />
        </Suspense>
      ) : (
        <p className="rounded border border-dashed border-stone-300 bg-white p-6 text-stone-600">Statistics are for annotators and reviewers; you are {actor.role}.</p>
      )}
    </section>
  );
}
