"use client";

import { ProgressBar } from "@/components/ui/progress-bar";
import type { Queue } from "@/lib/review/queues/schema";
import { annotatorProgressText, queueProgressText } from "./progress-text";
import { useQueueProgress } from "./use-queues";

/** The queue's bar: judgments submitted of all slots, with the numbers as text. */
export function QueueProgressBar({ queue }: { queue: Pick<Queue, "name" | "progress"> }) {
  const { percent, text } = queueProgressText(queue.progress);
  return (
    <div className="space-y-1">
      <ProgressBar label={`Progress of ${queue.name}`} value={percent} tone={percent === 100 ? "done" : "active"} />
      <p className="text-sm text-stone-600">{text}</p>
    </div>
  );
}

/** One bar per person who has worked the queue. */
export function AnnotatorProgress({ queueId, queueName }: { queueId: number; queueName: string }) {
  const { data, error, isPending } = useQueueProgress(queueId);
  if (isPending) return <p className="text-sm text-stone-500">Loading progress per annotator…</p>;
  if (error) return <p role="alert" className="text-sm text-red-700">{error.message}</p>;
  if (data.annotators.length === 0) return <p className="text-sm text-stone-500">Nobody has claimed an item yet.</p>;
  return (
    <ul aria-label={`Progress per annotator in ${queueName}`} className="space-y-2">
      {data.annotators.map((row) => {
        const { percent, text } = annotatorProgressText(row);
        const who = row.annotator.email || row.annotator.name;
        return (
          <li key={row.annotator.id} className="grid grid-cols-[minmax(8rem,16rem)_1fr] items-center gap-x-3 gap-y-1 text-sm">
            <span className="truncate font-medium" title={who}>
              {who}
            </span>
            <ProgressBar label={`Progress of ${who} in ${queueName}`} value={percent} tone={percent === 100 ? "done" : "active"} />
            <span />
            <span className="text-stone-600">{text}</span>
          </li>
        );
      })}
    </ul>
  );
}
