import { QueueCreateForm } from "@/components/review/pages/queue-create-form";
import { QueueList } from "@/components/review/pages/queue-list";
import { ReviewTabs } from "@/components/review/pages/review-tabs";
import { requirePageRole } from "@/lib/auth/permission";

export const metadata = { title: "Review" };

export default async function ReviewPage() {
  const actor = await requirePageRole("viewer", "/review");
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-semibold">Review</h1>
      <ReviewTabs current="queues" role={actor.role} />
      {actor.role === "admin" && <QueueCreateForm />}
      <QueueList role={actor.role} />
    </section>
  );
}
