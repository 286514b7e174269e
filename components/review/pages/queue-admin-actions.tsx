"use client";

import { Button } from "@/components/ui/button";
import type { Queue } from "@/lib/review/queues/schema";
import { useUpdateQueue } from "./use-queue-mutations";

/** Admins: close a queue (nobody claims from it any more) or reopen it. */
export function QueueAdminActions({ queue }: { queue: Queue }) {
  const update = useUpdateQueue(queue.id);
  const isOpen = queue.status === "open";
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button disabled={update.isPending} onClick={() => update.mutate({ status: isOpen ? "closed" : "open" })}>
        {isOpen ? "Close queue" : "Reopen queue"}
      </Button>
      {update.error && (
        <p role="alert" className="text-sm text-red-700">
          {update.error.message}
        </p>
      )}
    </div>
  );
}
