"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getJson, sendJson } from "@/components/review/panel/review-api";
import { reviewKeys } from "@/components/review/panel/review-keys";
import type { EffectiveMasks, EpisodeMasks, MaskCreate, StepMask } from "@/lib/review/masks/schema";

/** The mask each step ends up with (a person's, else a pending proposal, else train). */
export function useEffectiveMasks(episodeId: number) {
  return useQuery({
    queryKey: reviewKeys.effectiveMasks(episodeId),
    queryFn: ({ signal }) => getJson<EffectiveMasks>(`/api/episodes/${episodeId}/masks/effective`, "Loading step masks", signal),
  });
}

/** What people set, and the proposals from quality signals nobody has decided on yet. */
export function useEpisodeMasks(episodeId: number) {
  return useQuery({
    queryKey: reviewKeys.masks(episodeId),
    queryFn: ({ signal }) => getJson<EpisodeMasks>(`/api/episodes/${episodeId}/masks`, "Loading step masks", signal),
  });
}

function useRefreshMasks(episodeId: number) {
  const queryClient = useQueryClient();
  // reviewKeys.masks is the prefix of the effective masks' key: both refresh.
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: reviewKeys.masks(episodeId) }),
      queryClient.invalidateQueries({ queryKey: reviewKeys.history(episodeId) }),
    ]);
}

export function useSetMask(episodeId: number) {
  const refresh = useRefreshMasks(episodeId);
  return useMutation({
    mutationFn: (input: Omit<MaskCreate, "reason"> & { reason?: string }) => sendJson<StepMask>("POST", `/api/episodes/${episodeId}/masks`, input, "Setting the mask"),
    onSettled: refresh,
  });
}

export function useConfirmProposals(episodeId: number) {
  const refresh = useRefreshMasks(episodeId);
  return useMutation({
    mutationFn: () => sendJson<{ items: StepMask[] }>("POST", `/api/episodes/${episodeId}/masks/confirm`, {}, "Confirming the proposals"),
    onSettled: refresh,
  });
}

export function useRemoveMask(episodeId: number) {
  const refresh = useRefreshMasks(episodeId);
  return useMutation({
    mutationFn: (maskId: number) => sendJson<{ id: number }>("DELETE", `/api/episodes/${episodeId}/masks/${maskId}`, undefined, "Removing the mask"),
    onSettled: refresh,
  });
}
