"use client";

import { useEffect, useRef } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { episodeKeys } from "@/components/episodes/episode-keys";
import { readResponse } from "./api-response";
import { importKeys } from "./import-keys";
import type { BatchDetail } from "./import-types";

// The server writes progress about every 500 ms; polling faster would only repeat it.
const runningPollMs = 700;

export function useImportBatch(id: number | null) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: importKeys.detail(id ?? 0),
    queryFn: async () => readResponse<BatchDetail>(await fetch(`/api/imports/${id}`), `Loading batch #${id}`),
    enabled: id !== null,
    refetchInterval: (query) => (query.state.status !== "error" && (query.state.data?.status ?? "running") === "running" ? runningPollMs : false),
  });

  // When a batch we watched running finishes, the history and the episode list are out of date.
  const status = query.data?.status;
  const sawRunning = useRef(false);
  useEffect(() => {
    if (status === "running") sawRunning.current = true;
    else if (status && sawRunning.current) {
      sawRunning.current = false;
      void queryClient.invalidateQueries({ queryKey: importKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: episodeKeys.all });
    }
  }, [status, queryClient]);

  return query;
}
