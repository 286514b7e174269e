"use client";

import { useQueries } from "@tanstack/react-query";
import { fetchFullStep, type ViewerStep } from "../viewer-api";
import { viewerKeys } from "../viewer-keys";

/** Steps someone asked to see whole ("Load the full step"), each fetched alone. */
export function useFullSteps(episodeId: number, requested: ReadonlySet<number>) {
  const indexes = [...requested];
  return useQueries({
    queries: indexes.map((idx) => ({
      queryKey: viewerKeys.fullStep(episodeId, idx),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchFullStep(episodeId, idx, signal),
      staleTime: Infinity,
    })),
    combine: (results) => {
      const steps = new Map<number, ViewerStep>();
      const loading = new Set<number>();
      results.forEach((result, i) => {
        if (result.data) steps.set(indexes[i], result.data);
        else if (result.isPending) loading.add(indexes[i]);
      });
      return { steps, loading };
    },
  });
}
