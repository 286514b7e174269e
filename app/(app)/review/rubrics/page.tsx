import { ReviewTabs } from "@/components/review/pages/review-tabs";
import { RubricsView } from "@/components/review/pages/rubrics-view";
import { requirePageRole } from "@/lib/auth/permission";

export const metadata = { title: "Rubrics" };

export default async function RubricsPage() {
  const actor = await requirePageRole("viewer", "/review/rubrics");
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">Rubrics</h1>
      <ReviewTabs current="rubrics" role={actor.role} />
      <p className="max-w-3xl text-sm text-stone-600">
        A rubric says what to judge: typed dimensions and the instructions shown beside the episode. A version never changes once someone has judged under it; editing
        it then makes the next version.
      </p>
      <RubricsView canEdit={actor.role === "admin"} />
    </section>
  );
}
