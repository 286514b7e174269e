import { Suspense } from "react";
import { InsightsView } from "@/components/insights/insights-view";
import { requirePageRole } from "@/lib/auth/permission";

export const metadata = { title: "Insights" };

export default async function InsightsPage() {
  await requirePageRole("viewer", "/insights");
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">Insights</h1>
      <Suspense fallback={<p className="text-stone-500">Loading insights…</p>}>
        <InsightsView />
      </Suspense>
    </section>
  );
}
