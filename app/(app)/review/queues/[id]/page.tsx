import { notFound } from "next/navigation";
import { QueueDetail } from "@/components/review/pages/queue-detail";
import { ReviewTabs } from "@/components/review/pages/review-tabs";
import { requirePageRole } from "@/lib/auth/permission";
import { idParamSchema } from "@/lib/review/params";

export const metadata = { title: "Review queue" };

export default async function QueuePage({ params }: { params: Promise<{ id: string }> }) {
  const { id: rawId } = await params;
  const actor = await requirePageRole("viewer", `/review/queues/${rawId}`);
  const id = idParamSchema.safeParse(rawId);
  if (!id.success) notFound();
  return (
    <section className="space-y-4">
      <ReviewTabs current={null} role={actor.role} />
      <QueueDetail queueId={id.data} role={actor.role} />
    </section>
  );
}
