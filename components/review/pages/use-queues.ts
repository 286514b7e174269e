"use client";

import { useQuery } from "@tanstack/react-query";
import type { QueueAgreement, ConflictList } from "@/lib/review/consensus/schema";
import type { Queue, QueueList, QueueProgress, QueueItem } from "@/lib/review/queues/schema";
import { getJson } from "./api";
import { queueKeys } from "./review-keys";

export function useQueues() {
  return useQuery({ queryKey: queueKeys.list(), queryFn: () => getJson<QueueList>("/api/queues", "Loading the queues") });
}

export function useQueue(id: number) {
  return useQuery({ queryKey: queueKeys.detail(id), queryFn: () => getJson<Queue>(`/api/queues/${id}`, "Loading the queue") });
}

export function useQueueProgress(id: number) {
  return useQuery({ queryKey: queueKeys.progress(id), queryFn: () => getJson<QueueProgress>(`/api/queues/${id}/progress`, "Loading progress") });
}

/** Items with their gold answers: reviewers only (annotators must not learn which items are gold). */
export function useQueueItems(id: number, isEnabled: boolean) {
  return useQuery({
    queryKey: queueKeys.items(id),
    queryFn: () => getJson<{ items: QueueItem[] }>(`/api/queues/${id}/items`, "Loading the items"),
    enabled: isEnabled,
  });
}

export function useQueueAgreement(id: number) {
  return useQuery({ queryKey: queueKeys.agreement(id), queryFn: () => getJson<QueueAgreement>(`/api/queues/${id}/agreement`, "Loading agreement") });
}

export type ConflictStatus = "open" | "resolved" | "all";

export function useConflicts(id: number, status: ConflictStatus) {
  return useQuery({
    queryKey: queueKeys.conflicts(id, status),
    queryFn: () => getJson<ConflictList>(`/api/queues/${id}/conflicts?status=${status}`, "Loading conflicts"),
  });
}
