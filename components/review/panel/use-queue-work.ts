"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ClaimResult, Queue } from "@/lib/review/queues/schema";
import { getJson, sendJson } from "./review-api";
import { reviewKeys } from "./review-keys";

export function queueItemHref(queueId: number, slot: { id: number; episodeId: number }): string {
  return `/episodes/${slot.episodeId}?queue=${queueId}&slot=${slot.id}`;
}

/**
 * Working one slot of a queue from the episode page: the queue (its rubric version, blind mode,
 * progress), my reservation of the slot, and moving on — "next" claims my next slot and opens
 * it; skip gives this one back for good and does the same; nothing left means the queue is
 * finished for me.
 */
export function useQueueWork(queueId: number, slotId: number) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const [isFinished, setIsFinished] = useState(false);
  const queue = useQuery({
    queryKey: reviewKeys.queue(queueId),
    queryFn: ({ signal }) => getJson<Queue>(`/api/queues/${queueId}`, "Loading the queue", signal),
  });
  // "next" hands back the slot I hold (with a fresh reservation), so it tells when mine ends;
  // asked only while I hold this very slot, so opening the page never claims anything new.
  const holdsSlot = queue.data?.mine.reservedSlotId === slotId;
  const reservation = useQuery({
    queryKey: reviewKeys.slot(queueId, slotId),
    queryFn: () => sendJson<ClaimResult>("POST", `/api/queues/${queueId}/next`, undefined, "Checking your reservation"),
    enabled: holdsSlot,
    staleTime: Infinity,
  });

  const openNext = async () => {
    const claim = await sendJson<ClaimResult>("POST", `/api/queues/${queueId}/next`, undefined, "Claiming the next item");
    await queryClient.invalidateQueries({ queryKey: reviewKeys.queue(queueId), exact: true });
    if (!claim.slot) {
      setIsFinished(true);
      return;
    }
    queryClient.setQueryData(reviewKeys.slot(queueId, claim.slot.id), claim);
    router.push(queueItemHref(queueId, claim.slot));
  };
  const next = useMutation({ mutationFn: openNext });
  const skip = useMutation({
    mutationFn: async () => {
      await sendJson("POST", `/api/queues/${queueId}/slots/${slotId}/skip`, undefined, "Skipping");
      await openNext();
    },
  });

  const claimed = reservation.data?.slot ?? null;
  return {
    queue: queue.data,
    queueError: queue.error,
    reservedUntil: claimed?.id === slotId ? claimed.reservedUntil : null,
    /** "next" gave me another item than this page's (my reservation here had lapsed). */
    otherSlot: claimed && claimed.id !== slotId ? claimed : null,
    isFinished,
    next,
    skip,
  };
}

export type QueueWork = ReturnType<typeof useQueueWork>;
