"use client";

import type { Role } from "@/lib/auth/roles";
import { QueueCard } from "./queue-card";
import { useQueues } from "./use-queues";

export function QueueList({ role }: { role: Role }) {
  const { data, error, isPending } = useQueues();
  if (isPending) return <p className="text-stone-500">Loading queues…</p>;
  if (error) return <p role="alert" className="text-red-700">{error.message}</p>;
  if (data.items.length === 0)
    return (
      <p className="rounded border border-dashed border-stone-300 bg-white p-6 text-stone-600">
        No review queues yet.{role === "admin" ? " Create one above from a saved view or a filter." : " An admin creates them."}
      </p>
    );
  const open = data.items.filter((q) => q.status === "open");
  const closed = data.items.filter((q) => q.status === "closed");
  return (
    <div className="space-y-4">
      {open.map((queue) => (
        <QueueCard key={queue.id} queue={queue} role={role} />
      ))}
      {closed.length > 0 && (
        <details>
          <summary className="cursor-pointer text-sm text-stone-600">Closed queues ({closed.length})</summary>
          <div className="mt-3 space-y-4">
            {closed.map((queue) => (
              <QueueCard key={queue.id} queue={queue} role={role} />
            ))}
          </div>
        </details>
      )}
    </div>
  );
}
