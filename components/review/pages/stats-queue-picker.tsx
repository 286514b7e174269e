"use client";

import { useQueues } from "./use-queues";

const select = "mt-1 block max-w-xs rounded border border-stone-300 px-2 py-1";

/** Which queue's judgments the statistics count: every queue, or one. Changes go to the URL. */
export function StatsQueuePicker({ queue, onChange }: { queue: number | null; onChange: (queue: number | null) => void }) {
  const queues = useQueues();
  const items = queues.data?.items ?? [];
  // A queue from the URL that the list does not (yet) hold still shows as chosen.
  const isListed = queue === null || items.some((q) => q.id === queue);
  return (
    <label className="block text-sm">
      <span className="text-stone-600">Queue</span>
      <select aria-label="Queue" value={queue === null ? "" : String(queue)} onChange={(event) => onChange(event.target.value === "" ? null : Number(event.target.value))} className={select}>
        <option value="">All queues</option>
        {!isListed && <option value={String(queue)}>Queue {queue}</option>}
        {items.map((q) => (
          <option key={q.id} value={String(q.id)}>
            {q.name}
            {q.status === "closed" ? " (closed)" : ""}
          </option>
        ))}
      </select>
      {queues.error && <span role="alert" className="mt-1 block text-red-700">{queues.error.message}</span>}
    </label>
  );
}
