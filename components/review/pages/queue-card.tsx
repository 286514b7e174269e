"use client";

import Link from "next/link";
import { useId } from "react";
import { hasRole, type Role } from "@/lib/auth/roles";
import type { Queue } from "@/lib/review/queues/schema";
import { AnnotatorProgress, QueueProgressBar } from "./queue-progress";
import { StartReviewing } from "./start-reviewing";

export function QueueBadges({ queue }: { queue: Pick<Queue, "isBlind" | "status"> }) {
  return (
    <>
      {queue.isBlind && <span className="rounded bg-violet-100 px-1.5 py-0.5 text-xs text-violet-900">blind</span>}
      {queue.status === "closed" && <span className="rounded bg-stone-200 px-1.5 py-0.5 text-xs text-stone-700">closed</span>}
    </>
  );
}

/** One queue in the list: its set-up in a line, its bars, and the way in. */
export function QueueCard({ queue, role }: { queue: Queue; role: Role }) {
  const headingId = useId();
  const canJudge = hasRole(role, "annotator") && queue.status === "open";
  return (
    <article aria-labelledby={headingId} className="space-y-3 rounded border border-stone-200 bg-white p-4">
      <header className="flex flex-wrap items-baseline gap-2">
        <h3 id={headingId} className="text-base font-semibold">
          <Link href={`/review/queues/${queue.id}`} className="hover:underline">
            {queue.name}
          </Link>
        </h3>
        <QueueBadges queue={queue} />
        <span className="text-sm text-stone-500">
          {queue.rubric.name} v{queue.rubric.version} · {queue.overlap} {queue.overlap === 1 ? "annotator" : "annotators"} per item
        </span>
      </header>
      {queue.description && <p className="text-sm whitespace-pre-wrap text-stone-700">{queue.description}</p>}
      <QueueProgressBar queue={queue} />
      <AnnotatorProgress queueId={queue.id} queueName={queue.name} />
      {hasRole(role, "reviewer") && (
        <Link href={`/review/queues/${queue.id}`} className="inline-block text-sm underline decoration-stone-300 hover:decoration-stone-900">
          Agreement and conflicts of {queue.name}
        </Link>
      )}
      {canJudge && (
        <div className="flex flex-wrap items-center gap-3">
          <StartReviewing queueId={queue.id} queueName={queue.name} />
          {queue.mine.submitted > 0 && <span className="text-sm text-stone-600">You have submitted {queue.mine.submitted}.</span>}
          {queue.mine.reservedSlotId !== null && <span className="text-sm text-stone-600">You hold an item: starting again reopens it.</span>}
        </div>
      )}
    </article>
  );
}
