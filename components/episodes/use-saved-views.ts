"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { readResponse } from "@/components/imports/api-response";
import type { SavedView, SavedViewList } from "@/lib/views/schema";
import { savedViewKeys } from "./saved-view-keys";

export function useSavedViews() {
  return useQuery({
    queryKey: savedViewKeys.list(),
    queryFn: async () => readResponse<SavedViewList>(await fetch("/api/views"), "Loading saved views"),
  });
}

function sendJson(url: string, method: string, body?: unknown): Promise<Response> {
  return fetch(url, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
}

/** Create, change and delete; each refreshes the list. */
export function useSavedViewMutations() {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: savedViewKeys.all });
  return {
    create: useMutation({
      mutationFn: async (input: { name: string; query: string; isShared: boolean }) =>
        readResponse<SavedView>(await sendJson("/api/views", "POST", input), "Saving the view"),
      onSuccess,
    }),
    update: useMutation({
      mutationFn: async ({ id, ...patch }: { id: number; name?: string; isShared?: boolean }) =>
        readResponse<SavedView>(await sendJson(`/api/views/${id}`, "PATCH", patch), "Changing the view"),
      onSuccess,
    }),
    remove: useMutation({
      mutationFn: async (id: number) => readResponse<{ id: number }>(await sendJson(`/api/views/${id}`, "DELETE"), "Deleting the view"),
      onSuccess,
    }),
  };
}
