"use client";

import { useState } from "react";
import { EpisodeComments } from "@/components/review/comments/episode-comments";
import type { EpisodeReview } from "@/lib/review/judgments/schema";
import { JudgingArea } from "./judging-area";
import { rubricChoices } from "./rubric-choices";
import { RubricPicker } from "./rubric-picker";
import { useQueueWork } from "./use-queue-work";
import { useEpisodeReview, useMyUserId, useRubrics } from "./use-review-data";

type PanelProps = { episodeId: number; review: EpisodeReview | undefined; userId: string | null };

/** Outside a queue: any rubric, defaulting to the one I last judged this episode under. */
function FreeReview({ episodeId, review, userId }: PanelProps) {
  const rubrics = useRubrics();
  const [picked, setPicked] = useState<number | null>(null);
  const mine = (review?.judgments ?? []).filter((j) => j.annotator.id === userId && j.queueId === null);
  const choices = rubricChoices(rubrics.data?.items ?? [], mine.map((j) => j.rubricVersionId));
  const versionId = picked ?? mine.at(-1)?.rubricVersionId ?? choices[0]?.versionId ?? null;
  if (rubrics.error) return <p role="alert" className="text-sm text-red-700">{rubrics.error.message}</p>;
  if (!rubrics.data) return <p className="text-sm text-stone-500">Loading rubrics…</p>;
  if (versionId === null) return <p className="text-sm text-stone-600">No rubric yet: an admin creates one under Review → Rubrics.</p>;
  return (
    <div className="space-y-4">
      <RubricPicker choices={choices} value={versionId} onChange={setPicked} />
      <JudgingArea key={versionId} episodeId={episodeId} rubricVersionId={versionId} review={review} userId={userId} queue={null} queueId={null} />
    </div>
  );
}

/** In a queue: the queue's rubric version, my slot, and moving on through the queue. */
function QueueReview({ episodeId, review, userId, queueId, slotId }: PanelProps & { queueId: number; slotId: number }) {
  const work = useQueueWork(queueId, slotId);
  if (work.queueError) return <p role="alert" className="text-sm text-red-700">{work.queueError.message}</p>;
  if (!work.queue) return <p className="text-sm text-stone-500">Loading the queue…</p>;
  return <JudgingArea episodeId={episodeId} rubricVersionId={work.queue.rubricVersionId} review={review} userId={userId} queue={work} queueId={queueId} />;
}

/**
 * Judging the episode beside the timeline: rubric (picked, or the queue's), every dimension,
 * labels, verdict and reason, keyboard-first; others' judgments (blind queues hide them until I
 * submit) and comments. `queueId` and `slotId` come from `?queue=Q&slot=S`.
 */
export function ReviewPanel({ episodeId, queueId, slotId }: { episodeId: number; queueId?: number; slotId?: number }) {
  const userId = useMyUserId();
  const review = useEpisodeReview(episodeId);
  return (
    <section aria-label="Review" className="space-y-4 rounded border border-stone-200 bg-white p-4">
      <h2 className="text-base font-semibold">Review</h2>
      {review.error && <p role="alert" className="text-sm text-red-700">{review.error.message}</p>}
      {queueId !== undefined && slotId !== undefined ? (
        <QueueReview episodeId={episodeId} review={review.data} userId={userId} queueId={queueId} slotId={slotId} />
      ) : (
        <FreeReview episodeId={episodeId} review={review.data} userId={userId} />
      )}
      <EpisodeComments episodeId={episodeId} />
    </section>
  );
}
