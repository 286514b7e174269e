"use client";

import { useQuery } from "@tanstack/react-query";
import { readResponse } from "@/components/imports/api-response";
import type { StepWindow } from "@/lib/viewer/read-steps";
import { compareKeys } from "./compare-keys";

/** Steps are fetched in pages of this many, so a screenful of rows costs one or two requests. */
export const STEP_PAGE = 50;

/** The step `idx` of an episode, from the page of steps that holds it (shared by every row of that page). */
export function useStep(episodeId: number, idx: number) {
  const from = Math.floor(idx / STEP_PAGE) * STEP_PAGE;
  return useQuery({
    queryKey: compareKeys.steps(episodeId, from),
    queryFn: async () =>
      readResponse<StepWindow>(await fetch(`/api/episodes/${episodeId}/steps?from=${from}&limit=${STEP_PAGE}`), "Loading steps"),
    staleTime: Infinity,
    select: (page) => page.steps.find((step) => step.idx === idx) ?? null,
  });
}
