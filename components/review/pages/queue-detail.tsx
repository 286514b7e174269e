"use client";

import Link from "next/link";
import { RelativeTime } from "@/components/ui/relative-time";
import { hasRole, type Role } from "@/lib/auth/roles";
import { AgreementView } from "./agreement-view";
import { ConflictList } from "./conflict-list";
import { GoldForm } from "./gold-form";
import { GoldItems } from "./gold-items";
import { QueueAdminActions } from "./queue-admin-actions";
import { QueueBadges } from "./queue-card";
import { QueueFacts } from "./queue-facts";
import { AnnotatorProgress, QueueProgressBar } from "./queue-progress";
import { Section } from "./section";
import { StartReviewing } from "./start-reviewing";
import { useQueue } from "./use-queues";
import { useRubricVersion } from "./use-rubrics";

/** One queue: set-up, progress, and for reviewers agreement, conflicts and gold. */
export function QueueDetail({ queueId, role }: { queueId: number; role: Role }) {
  const { data: queue, error, isPending } = useQueue(queueId);
  const version = useRubricVersion(queue?.rubricVersionId);
  if (isPending) return <p className="text-stone-500">Loading the queue…</p>;
  if (error) return <p role="alert" className="text-red-700">{error.message}</p>;
  const isReviewer = hasRole(role, "reviewer");
  const dimensions = version.data?.dimensions ?? [];
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <div className="flex flex-wrap items-baseline gap-2">
          <h1 className="text-2xl font-semibold">{queue.name}</h1>
          <QueueBadges queue={queue} />
        </div>
        <p className="text-sm text-stone-500">
          Created {queue.createdBy ? `by ${queue.createdBy.email} ` : ""}
          <RelativeTime value={queue.createdAt} />
          {isReviewer && (
            <>
              {" · "}
              <Link href={`/admin/audit?targetType=queue&targetId=${queue.id}`} className="underline decoration-stone-300 hover:decoration-stone-900">
                Audit trail of this queue
              </Link>
            </>
          )}
        </p>
        {queue.description && <p className="whitespace-pre-wrap text-stone-700">{queue.description}</p>}
        <QueueFacts queue={queue} />
        <div className="flex flex-wrap gap-3">
          {hasRole(role, "annotator") && queue.status === "open" && <StartReviewing queueId={queue.id} queueName={queue.name} />}
          {role === "admin" && <QueueAdminActions queue={queue} />}
        </div>
      </header>
      <Section title="Progress">
        <QueueProgressBar queue={queue} />
        <AnnotatorProgress queueId={queue.id} queueName={queue.name} />
      </Section>
      {isReviewer ? (
        <>
          <Section title="Agreement" note="Krippendorff's alpha over every annotator, Cohen's kappa for each pair, each with the number of items behind it.">
            <AgreementView queueId={queue.id} />
          </Section>
          <Section title="Conflicts" note="Items whose submitted judgments disagree on the verdict or a dimension. A final verdict records both sides.">
            <ConflictList queueId={queue.id} rubricVersionId={queue.rubricVersionId} />
          </Section>
          <Section title="Gold items" note="Items with known answers, mixed into the queue; annotators are not told which they are.">
            <GoldItems queueId={queue.id} dimensions={dimensions} />
            {role === "admin" && <GoldForm queueId={queue.id} dimensions={dimensions} />}
          </Section>
        </>
      ) : (
        <p className="text-sm text-stone-600">Agreement, conflicts and gold items are shown to reviewers.</p>
      )}
    </div>
  );
}
