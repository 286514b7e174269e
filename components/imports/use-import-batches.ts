"use client";

import { useQuery } from "@tanstack/react-query";
import { readResponse } from "./api-response";
import { importKeys } from "./import-keys";
import type { BatchListItem } from "./import-types";

const runningPollMs = 1000;

export function useImportBatches(limit = 50) {
  return useQuery({
    queryKey: importKeys.list({ limit }),
    queryFn: async () => readResponse<{ items: BatchListItem[] }>(await fetch(`/api/imports?limit=${limit}`), "Loading the import history"),
    // Batches started elsewhere (the CLI, another tab) finish on their own: follow them while they run.
    refetchInterval: (query) => (query.state.data?.items.some((batch) => batch.status === "running") ? runningPollMs : false),
  });
}
