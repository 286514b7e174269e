"use client";

import { useQueries, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { fetchStepWindow, STEP_WINDOW, type ViewerStep } from "../viewer-api";
import { viewerKeys } from "../viewer-keys";

function windowQuery(episodeId: number, window: number, stepCount: number) {
  return {
    queryKey: viewerKeys.stepWindow(episodeId, window),
    queryFn: ({ signal }: { signal: AbortSignal }) => fetchStepWindow(episodeId, window, stepCount, signal),
    // Steps never change after import.
    staleTime: Infinity,
  };
}

type Windows = { steps: Map<number, ViewerStep>; error: Error | null; retry: () => void };

/** The steps of the windows that cover `first`..`last` (what the list shows), fetched window by window. */
export function useStepWindows(episodeId: number, stepCount: number, first: number, last: number): Windows {
  const windows: number[] = [];
  if (stepCount > 0) for (let w = Math.floor(first / STEP_WINDOW); w <= Math.floor(last / STEP_WINDOW); w++) windows.push(w);
  return useQueries({
    queries: windows.map((w) => windowQuery(episodeId, w, stepCount)),
    combine: (results) => {
      const steps = new Map<number, ViewerStep>();
      for (const result of results) for (const step of result.data ?? []) steps.set(step.idx, step);
      const failed = results.find((r) => r.error);
      return { steps, error: failed?.error ?? null, retry: () => results.forEach((r) => r.error && r.refetch()) };
    },
  });
}

/** Loads the window holding `idx` (a deep link's target) before the list scrolls there. */
export function useEnsureStep(episodeId: number, stepCount: number) {
  const queryClient = useQueryClient();
  return useCallback(
    (idx: number) => queryClient.ensureQueryData(windowQuery(episodeId, Math.floor(idx / STEP_WINDOW), stepCount)).catch(() => []),
    [queryClient, episodeId, stepCount],
  );
}
