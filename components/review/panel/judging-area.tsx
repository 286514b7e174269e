"use client";

import { useState } from "react";
import { SafeMarkdown } from "@/components/viewer/safe-markdown";
import type { EpisodeReview } from "@/lib/review/judgments/schema";
import { JudgmentForm } from "./judgment-form";
import { OtherJudgments } from "./other-judgments";
import { NextItem, QueueHeader } from "./queue-controls";
import { valueForDigit, type ReviewKeyAction } from "./review-shortcuts";
import { useMyJudgment } from "./use-my-judgment";
import type { QueueWork } from "./use-queue-work";
import { useReviewKeys } from "./use-review-keys";
import { useRubricVersion } from "./use-review-data";

type JudgingAreaProps = {
  episodeId: number;
  rubricVersionId: number;
  review: EpisodeReview | undefined;
  userId: string | null;
  /** Judging a claimed queue slot (null: outside any queue). */
  queue: QueueWork | null;
  queueId: number | null;
};

/** Moves focus to the choice a key picked, when focus was already in that dimension (arrows go on from there). */
function focusChoice(dimensionKey: string, choiceId: string) {
  const fieldset = document.querySelector(`[data-dimension="${CSS.escape(dimensionKey)}"]`);
  if (!fieldset?.contains(document.activeElement)) return;
  fieldset.querySelector<HTMLInputElement>(`input[data-value="${CSS.escape(choiceId)}"]`)?.focus();
}

/** The rubric's instructions, my judgment under it with the review keys, and everyone else's. */
export function JudgingArea({ episodeId, rubricVersionId, review, userId, queue, queueId }: JudgingAreaProps) {
  const version = useRubricVersion(rubricVersionId);
  const judgment = useMyJudgment({ episodeId, rubricVersionId, queueId, userId: userId ?? "" }, review);
  const [chosenKey, setChosenKey] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const dimensions = version.data?.dimensions ?? [];
  const activeKey = chosenKey ?? dimensions.find((d) => d.type !== "text")?.key ?? null;
  const isClosed = queue?.queue?.status === "closed";
  const isReady = review !== undefined && userId !== null && version.data !== undefined;
  const isDisabled = !isReady || isClosed;

  useReviewKeys(!isDisabled, queue !== null, (action: ReviewKeyAction) => {
    setNotice(null);
    if (action.type === "verdict") judgment.change({ verdict: action.verdict });
    else if (action.type === "next") {
      if (!queue) return;
      if (judgment.isSubmitted) queue.next.mutate();
      else setNotice("Submit this item (or skip it) before moving on.");
    } else {
      const dimension = dimensions.find((d) => d.key === activeKey);
      if (!dimension) return;
      const value = valueForDigit(dimension, action.digit, judgment.values.scores[dimension.key]);
      if (value === undefined) return;
      judgment.change({ scores: { [dimension.key]: value } });
      const choiceId = dimension.type === "multi_choice" ? dimension.options[action.digit - 1].value : String(value);
      focusChoice(dimension.key, choiceId);
    }
  });

  if (version.error) return <p role="alert" className="text-sm text-red-700">{version.error.message}</p>;
  return (
    <div className="space-y-4">
      {queue && <QueueHeader work={queue} isSubmitted={review === undefined ? null : judgment.isSubmitted} />}
      {version.data?.instructions && (
        <details open className="rounded border border-stone-200 bg-stone-50 p-2">
          <summary className="cursor-pointer text-sm font-medium">Instructions</summary>
          <div className="mt-2">
            <SafeMarkdown text={version.data.instructions} />
          </div>
        </details>
      )}
      {isClosed && <p className="text-sm text-red-700">This queue is closed: its judgments can no longer change.</p>}
      {version.data ? (
        <JudgmentForm
          dimensions={dimensions}
          judgment={judgment}
          activeKey={activeKey}
          onActivate={setChosenKey}
          isDisabled={isDisabled}
          afterSubmit={queue && <NextItem work={queue} />}
        />
      ) : (
        <p className="text-sm text-stone-500">Loading the rubric…</p>
      )}
      {notice && <p className="text-sm text-amber-800">{notice}</p>}
      {review && <OtherJudgments review={review} currentId={judgment.saved?.id ?? null} />}
    </div>
  );
}
