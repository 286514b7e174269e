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
 * progress, and the slot I hold with its reservation expiry), and moving on — "next" claims my
 * next slot and opens it; skip gives this one back for good and does the same; nothing left
 * means the queue is finished for me. Opening the page reads my reservation from the queue and
 * never claims anything.
 */
export function useQueueWork(queueId: number, slotId: number) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const [isFinished, setIsFinished] = useState(false);
  const queue = useQuery({
    queryKey: reviewKeys.queue(queueId),
    queryFn: ({ signal }) => getJson<Queue>(`/api/queues/${queueId}`, "Loading the queue", signal),
    // My slot may have been claimed elsewhere (Start reviewing) since this was cached.
    refetchOnMount: "always",
  });

  const openNext = async () => {
    const claim = await sendJson<ClaimResult>("POST", `/api/queues/${queueId}/next`, undefined, "Claiming the next item");
    await queryClient.invalidateQueries({ queryKey: reviewKeys.queue(queueId), exact: true });
    if (!claim.slot) {
      setIsFinished(true);
      return;
    }
    router.push(queueItemHref(queueId, claim.slot));
  };
  const next = useMutation({ mutationFn: openNext });
  const skip = useMutation({
    mutationFn: async () => {
      await sendJson("POST", `/api/queues/${queueId}/slots/${slotId}/skip`, undefined, "Skipping");
      await openNext();
    },
  });

  const mine = queue.isFetchedAfterMount ? queue.data?.mine : undefined;
  const holdsSlot = mine?.reservedSlotId === slotId;
  return {
    queue: queue.data,
    queueError: queue.error,
    /** When my reservation of this page's slot ends (past: lapsed, still mine until someone takes it); null when I do not hold it. */
    reservedUntil: holdsSlot ? (mine?.reservedUntil ?? null) : null,
    /** This page's slot is not mine (any more): given back, or taken by someone after my reservation lapsed. */
    isSlotLost: mine !== undefined && !holdsSlot,
    /** Another slot of this queue I hold, to go back to. */
    otherSlot: mine && !holdsSlot && mine.reservedSlotId !== null && mine.reservedEpisodeId !== null ? { id: mine.reservedSlotId, episodeId: mine.reservedEpisodeId } : null,
    isFinished,
    next,
    skip,
  };
}

export type QueueWork = ReturnType<typeof useQueueWork>;
