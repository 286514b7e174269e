"use client";

import { useMutation, useMutationState, useQueryClient } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import type { EpisodeReview, Judgment } from "@/lib/review/judgments/schema";
import { applyChanges, emptyJudgment, type JudgmentChanges, type JudgmentValues } from "./judgment-changes";
import { sendJson } from "./review-api";
import { reviewKeys } from "./review-keys";

type Target = { episodeId: number; rubricVersionId: number; queueId: number | null; userId: string };

const isMine = ({ rubricVersionId, queueId, userId }: Target) => (j: Judgment) =>
  j.annotator.id === userId && j.rubricVersionId === rubricVersionId && j.queueId === queueId;

function upsert(review: EpisodeReview | undefined, judgment: Judgment): EpisodeReview | undefined {
  if (!review) return review;
  const others = review.judgments.filter((j) => j.id !== judgment.id);
  return { ...review, judgments: [...others, judgment].sort((a, b) => a.id - b.id) };
}

/**
 * My judgment of the episode under one rubric version (and queue), saved change by change. Each
 * change shows at once (it is pending, and pending changes are drawn over the saved judgment);
 * saves run one after another, each with the version the previous one returned, so quick keys
 * never race each other. A refused save stops being pending, which rolls the view back to the
 * saved judgment, and its error stays on screen (a 409 means someone else changed it: reload).
 */
export function useMyJudgment(target: Target, review: EpisodeReview | undefined) {
  const { episodeId, rubricVersionId, queueId } = target;
  const queryClient = useQueryClient();
  const reviewKey = reviewKeys.episodeReview(episodeId);
  const mutationKey = reviewKeys.judgmentSave(episodeId, rubricVersionId, queueId);
  const [error, setError] = useState<Error | null>(null);

  const mutation = useMutation({
    mutationKey,
    scope: { id: mutationKey.join(":") },
    mutationFn: async (changes: JudgmentChanges): Promise<Judgment> => {
      // Read at run time, not when queued: the previous save may have moved the version on.
      const saved = queryClient.getQueryData<EpisodeReview>(reviewKey)?.judgments.find(isMine(target));
      const url = `/api/episodes/${episodeId}/review/judgments`;
      if (saved) return sendJson<Judgment>("PATCH", `${url}/${saved.id}`, { version: saved.version, ...changes }, "Saving");
      return sendJson<Judgment>("POST", url, { rubricVersionId, queueId, ...changes }, "Saving");
    },
    onMutate: () => queryClient.cancelQueries({ queryKey: reviewKey, exact: true }),
    onSuccess: async (judgment) => {
      queryClient.setQueryData<EpisodeReview>(reviewKey, (old) => upsert(old, judgment));
      // Refresh the rest (status, labels, others' judgments once mine is submitted) after the last
      // save only. Never after a refused one: the view rolls back to what I last saw, and a 409
      // asks me to reload.
      if (queryClient.isMutating({ mutationKey }) > 1) return;
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: reviewKey, exact: true }),
        queryClient.invalidateQueries({ queryKey: reviewKeys.history(episodeId) }),
        queueId === null ? undefined : queryClient.invalidateQueries({ queryKey: reviewKeys.queue(queueId), exact: true }),
      ]);
    },
    onError: (cause) => setError(cause),
  });

  const pending = useMutationState({ filters: { mutationKey, exact: true, status: "pending" }, select: (m) => m.state.variables as JudgmentChanges });
  const saved = review?.judgments.find(isMine(target)) ?? null;
  const values: JudgmentValues = applyChanges(saved ?? emptyJudgment, pending);
  const { mutate } = mutation;

  const change = useCallback(
    (changes: JudgmentChanges) => {
      setError(null);
      mutate(changes);
    },
    [mutate],
  );

  const reload = useCallback(async () => {
    setError(null);
    await queryClient.invalidateQueries({ queryKey: reviewKeys.episodeReview(episodeId), exact: true });
  }, [queryClient, episodeId]);

  return {
    saved,
    values,
    isSubmitted: saved?.status === "submitted",
    isSaving: pending.length > 0,
    isSubmitting: pending.some((changes) => changes.submit === true),
    error,
    change,
    reload,
  };
}

export type MyJudgment = ReturnType<typeof useMyJudgment>;
