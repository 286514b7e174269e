"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { ProgressBar } from "@/components/ui/progress-bar";
import { reservationLeft } from "./reservation";
import { queueItemHref, type QueueWork } from "./use-queue-work";

/** Re-render every `ms` so a countdown moves (the server's reservation is what counts). */
function useNow(ms: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

function ReservationTime({ reservedUntil }: { reservedUntil: string }) {
  const left = reservationLeft(reservedUntil, useNow(15_000));
  return <p className={`text-xs ${left.isExpired ? "font-medium text-red-700" : "text-stone-600"}`}>{left.text}</p>;
}

/** This page's slot is no longer mine: say so, and point to the slot I hold or the next item. */
function SlotLost({ work, queueId }: { work: QueueWork; queueId: number }) {
  return (
    <p role="alert" className="text-xs text-red-700">
      This item is no longer reserved for you (your reservation lapsed and someone else took it, or you gave it back).{" "}
      {work.otherSlot ? (
        <>
          You hold{" "}
          <Link className="underline" href={queueItemHref(queueId, work.otherSlot)}>
            episode {work.otherSlot.episodeId}
          </Link>
          .
        </>
      ) : (
        "Take the next item to go on."
      )}
    </p>
  );
}

/**
 * Which queue this item is from, my progress in it, how long the item stays mine (the expiry the
 * queue reports for my slot), and Skip. `isSubmitted` is null until my judgment has loaded.
 */
export function QueueHeader({ work, isSubmitted }: { work: QueueWork; isSubmitted: boolean | null }) {
  const { queue, skip } = work;
  if (work.queueError) return <p role="alert" className="text-sm text-red-700">{work.queueError.message}</p>;
  if (!queue) return <p className="text-sm text-stone-500">Loading the queue…</p>;
  const overall = queue.progress;
  const isOpenWork = isSubmitted === false && !work.isFinished;
  return (
    <div className="space-y-1.5 rounded border border-blue-200 bg-blue-50 p-2">
      <p className="text-sm">
        Queue <span className="font-medium">{queue.name}</span> · {queue.rubric.name} (version {queue.rubric.version}){queue.isBlind && " · blind"}
        {queue.status === "closed" && <span className="font-medium text-red-700"> · closed</span>}
      </p>
      <ProgressBar label={`Progress of queue ${queue.name}`} value={overall.slots === 0 ? 0 : (overall.submitted / overall.slots) * 100} />
      <p className="text-xs text-stone-600">
        {overall.submitted} of {overall.slots} judgments submitted · {queue.mine.submitted} by you
      </p>
      {work.reservedUntil && isSubmitted === false && <ReservationTime reservedUntil={work.reservedUntil} />}
      {isOpenWork && work.isSlotLost && <SlotLost work={work} queueId={queue.id} />}
      {isOpenWork && !work.isSlotLost && (
        <Button size="sm" onClick={() => skip.mutate()} disabled={skip.isPending || work.next.isPending}>
          {skip.isPending ? "Skipping…" : "Skip"}
        </Button>
      )}
      {isOpenWork && work.isSlotLost && !work.otherSlot && <NextItem work={work} />}
      {skip.error && <p role="alert" className="text-sm text-red-700">{skip.error.message}</p>}
      {isSubmitted === false && work.isFinished && (
        <p role="status" className="text-sm font-medium">
          Queue finished
        </p>
      )}
    </div>
  );
}

/** After submitting: "Next item" (or n), or "Queue finished" when nothing is left for me. */
export function NextItem({ work }: { work: QueueWork }) {
  if (work.isFinished)
    return (
      <p role="status" className="text-sm font-medium">
        Queue finished
      </p>
    );
  return (
    <>
      <Button variant="primary" onClick={() => work.next.mutate()} disabled={work.next.isPending}>
        Next item
      </Button>
      {work.next.error && <p role="alert" className="text-sm text-red-700">{work.next.error.message}</p>}
    </>
  );
}
