"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { Adjudication, Verdict } from "@/lib/review/judgments/schema";
import type { z } from "zod";
import type { ClaimResult, GoldItemInput, Queue, QueuePatch, queueCreateSchema } from "@/lib/review/queues/schema";
import { sendJson } from "./api";
import { queueKeys } from "./review-keys";

export type QueueCreateInput = z.input<typeof queueCreateSchema>;

/** Every queue query: progress, agreement and conflicts all move together after a change. */
function useInvalidateQueues() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: queueKeys.all });
}

export function useCreateQueue() {
  const onSuccess = useInvalidateQueues();
  return useMutation({ mutationFn: (input: QueueCreateInput) => sendJson<Queue>("/api/queues", "POST", input, "Creating the queue"), onSuccess });
}

export function useUpdateQueue(id: number) {
  const onSuccess = useInvalidateQueues();
  return useMutation({ mutationFn: (patch: QueuePatch) => sendJson<Queue>(`/api/queues/${id}`, "PATCH", patch, "Changing the queue"), onSuccess });
}

export function useAddGold(id: number) {
  const onSuccess = useInvalidateQueues();
  return useMutation({
    mutationFn: (item: GoldItemInput) => sendJson<Queue>(`/api/queues/${id}/gold`, "POST", { items: [item] }, "Adding the gold item"),
    onSuccess,
  });
}

/** Claims my next slot and opens it in the viewer; `slot: null` means nothing is left for me. */
export function useStartReviewing(queueId: number) {
  const router = useRouter();
  const invalidate = useInvalidateQueues();
  return useMutation({
    mutationFn: () => sendJson<ClaimResult>(`/api/queues/${queueId}/next`, "POST", {}, "Claiming the next item"),
    onSuccess: (claim) => {
      invalidate();
      if (claim.slot) router.push(`/episodes/${claim.slot.episodeId}?queue=${queueId}&slot=${claim.slot.id}`);
    },
  });
}

export function useResolveConflict(queueId: number) {
  const invalidate = useInvalidateQueues();
  return useMutation({
    mutationFn: ({ episodeId, verdict, reason }: { episodeId: number; verdict: Verdict; reason: string }) =>
      sendJson<Adjudication>(`/api/episodes/${episodeId}/review/adjudication`, "POST", { queueId, verdict, reason }, "Resolving the conflict"),
    // Not awaited: the refetch takes the resolved conflict's card (and its form) off the list, and
    // the form's own onSuccess, which reports the decision, only runs while the form is there.
    onSuccess: () => void invalidate(),
  });
}
