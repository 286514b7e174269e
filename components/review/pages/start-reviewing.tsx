"use client";

import { Button } from "@/components/ui/button";
import { useStartReviewing } from "./use-queue-mutations";

/** "Start reviewing": claim my next slot and open it; says so when nothing is left for me. */
export function StartReviewing({ queueId, queueName }: { queueId: number; queueName: string }) {
  const start = useStartReviewing(queueId);
  const isDone = start.isSuccess && start.data.slot === null;
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button variant="primary" disabled={start.isPending || (start.isSuccess && !isDone)} onClick={() => start.mutate()} aria-label={`Start reviewing ${queueName}`}>
        {start.isPending || (start.isSuccess && !isDone) ? "Opening…" : "Start reviewing"}
      </Button>
      {isDone && (
        <p role="status" className="text-sm text-stone-600">
          Nothing left for you in this queue.
        </p>
      )}
      {start.error && (
        <p role="alert" className="text-sm text-red-700">
          {start.error.message}
        </p>
      )}
    </div>
  );
}
