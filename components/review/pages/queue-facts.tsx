import Link from "next/link";
import type { Queue } from "@/lib/review/queues/schema";

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function reservationText(seconds: number): string {
  if (seconds % 3600 === 0) return plural(seconds / 3600, "hour");
  if (seconds % 60 === 0) return plural(seconds / 60, "minute");
  return plural(seconds, "second");
}

/** How a queue is set up, in words. */
export function QueueFacts({ queue }: { queue: Queue }) {
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
      <dt className="text-stone-500">Rubric</dt>
      <dd>
        <Link href={`/review/rubrics#rubric-${queue.rubric.id}`} className="underline decoration-stone-300 hover:decoration-stone-900">
          {queue.rubric.name}
        </Link>{" "}
        (version {queue.rubric.version})
      </dd>
      <dt className="text-stone-500">Annotators per item</dt>
      <dd>{queue.overlap}</dd>
      <dt className="text-stone-500">Blind review</dt>
      <dd>{queue.isBlind ? "Yes: annotators see others' judgments only after submitting their own" : "No"}</dd>
      <dt className="text-stone-500">Reservation</dt>
      <dd>{reservationText(queue.reservationSeconds)} per claimed item</dd>
      <dt className="text-stone-500">Episodes from</dt>
      <dd>
        <Link href={`/episodes${queue.sourceQuery ? `?${queue.sourceQuery}` : ""}`} className="font-mono text-xs underline decoration-stone-300 hover:decoration-stone-900">
          {queue.sourceQuery || "every episode"}
        </Link>
        {queue.sourceViewId !== null && " (a saved view)"}
      </dd>
    </dl>
  );
}
