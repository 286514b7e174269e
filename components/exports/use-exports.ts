"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getJson, sendJson } from "@/components/review/pages/api";
import type { ExportCreate, ExportJob, ExportJobDetail, ExportJobList } from "@/lib/export/jobs/schema";
import { exportKeys, recipeKeys } from "./export-keys";

const isActive = (job: Pick<ExportJob, "status">) => job.status === "queued" || job.status === "running";

/** The history; polled every second while an export is queued or running. */
export function useExportJobs() {
  return useQuery({
    queryKey: exportKeys.list(),
    queryFn: () => getJson<ExportJobList>("/api/exports", "Loading exports"),
    refetchInterval: (query) => (query.state.data?.items.some(isActive) ? 1000 : false),
  });
}

export function useExportJob(id: number) {
  return useQuery({
    queryKey: exportKeys.detail(id),
    queryFn: () => getJson<ExportJobDetail>(`/api/exports/${id}`, "Loading the export"),
    refetchInterval: (query) => (query.state.data && isActive(query.state.data) ? 1000 : false),
  });
}

export function useStartExport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ExportCreate) => sendJson<{ id: number }>("/api/exports", "POST", input, "Starting the export"),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: exportKeys.all });
      queryClient.invalidateQueries({ queryKey: recipeKeys.all });
    },
  });
}

/** Cancel or resume: both answer with the job. */
export function useExportAction(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: "cancel" | "resume") =>
      sendJson<ExportJob>(`/api/exports/${id}/${action}`, "POST", {}, action === "cancel" ? "Cancelling the export" : "Resuming the export"),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: exportKeys.all }),
  });
}
