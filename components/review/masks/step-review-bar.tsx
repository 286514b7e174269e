"use client";

import { useId, useState } from "react";
import { CommentForm } from "@/components/review/comments/comment-form";
import { CommentList } from "@/components/review/comments/comment-list";
import { useAddComment, useComments, useDeleteComment } from "@/components/review/comments/use-comments";
import { useMyUserId } from "@/components/review/panel/use-review-data";
import { trainingMasks, type TrainingMask } from "@/lib/review/masks/schema";
import { decidedProposal, maskLabels, maskTones } from "./mask-labels";
import { useEffectiveMasks, useEpisodeMasks, useSetMask } from "./use-masks";
import { useStepReview } from "./step-review-context";

function StepMask({ episodeId, idx, canReview }: { episodeId: number; idx: number; canReview: boolean }) {
  const id = useId();
  const effective = useEffectiveMasks(episodeId);
  const masks = useEpisodeMasks(episodeId);
  const setMask = useSetMask(episodeId);
  const step = effective.data?.steps[idx];
  if (!step) return null;
  const tone = `${maskTones[step.mask]} ${step.proposed ? "border-dashed" : ""}`;
  const change = (mask: TrainingMask) =>
    setMask.mutate({ startStep: idx, endStep: idx, mask, proposalKey: decidedProposal(masks.data?.proposals ?? [], idx, idx) });
  return (
    <span className="flex items-center gap-1">
      {canReview ? (
        <>
          <label htmlFor={id} className="text-stone-500">
            Mask
          </label>
          <select
            id={id}
            aria-label={`Mask for step ${idx}`}
            value={step.mask}
            disabled={setMask.isPending}
            onChange={(event) => change(event.target.value as TrainingMask)}
            className={`rounded border px-1 py-0.5 ${tone}`}
          >
            {trainingMasks.map((mask) => (
              <option key={mask} value={mask}>
                {maskLabels[mask]}
              </option>
            ))}
          </select>
        </>
      ) : (
        <span className={`rounded border px-1.5 py-0.5 ${tone}`}>mask: {maskLabels[step.mask]}</span>
      )}
      {step.proposed && <span className="rounded bg-amber-200 px-1.5 py-0.5 font-medium text-amber-950">proposed</span>}
      {setMask.error && (
        <span role="alert" className="text-red-700">
          {setMask.error.message}
        </span>
      )}
    </span>
  );
}

/**
 * Under each step's header: its training mask (proposals marked "proposed"), its comments, and for
 * annotators a mask select and a "Comment" button. Renders nothing outside the episode page.
 */
export function StepReviewBar({ idx }: { idx: number }) {
  const context = useStepReview();
  const userId = useMyUserId();
  const episodeId = context?.episodeId ?? 0;
  const comments = useComments(episodeId, context !== null);
  const add = useAddComment(episodeId);
  const remove = useDeleteComment(episodeId);
  const [isWriting, setIsWriting] = useState(false);
  if (!context) return null;
  const stepComments = (comments.data?.items ?? []).filter((c) => c.stepIdx === idx);
  return (
    <div className="space-y-1.5 border-b border-stone-100 px-3 py-1 text-xs">
      <div className="flex flex-wrap items-center gap-2">
        <StepMask episodeId={episodeId} idx={idx} canReview={context.canReview} />
        <span className="flex-1" />
        {stepComments.length > 0 && <span className="text-stone-600">{stepComments.length === 1 ? "1 comment" : `${stepComments.length} comments`}</span>}
        {context.canReview && (
          <button type="button" aria-expanded={isWriting} onClick={() => setIsWriting(!isWriting)} className="rounded border border-stone-300 px-1.5 hover:bg-stone-100">
            Comment
          </button>
        )}
      </div>
      {stepComments.length > 0 && <CommentList comments={stepComments} userId={userId} onDelete={(id) => remove.mutate(id)} showStep={false} />}
      {isWriting && (
        <CommentForm
          label={`Comment on step ${idx}`}
          placeholder={`A comment on step ${idx}`}
          submitLabel="Add step comment"
          isPending={add.isPending}
          error={add.error}
          onAdd={(body, done) =>
            add.mutate(
              { body, stepIdx: idx },
              {
                onSuccess: () => {
                  done();
                  setIsWriting(false);
                },
              },
            )
          }
        />
      )}
    </div>
  );
}
