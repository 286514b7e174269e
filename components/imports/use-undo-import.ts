"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { episodeKeys } from "@/components/episodes/episode-keys";
import { readResponse } from "./api-response";
import { importKeys } from "./import-keys";

export type UndoResult = { episodes: number; attachments: number };

export function useUndoImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: number) => readResponse<UndoResult>(await fetch(`/api/imports/${id}`, { method: "DELETE" }), `Undoing batch #${id}`),
    onSettled: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey: importKeys.all }), queryClient.invalidateQueries({ queryKey: episodeKeys.all })]),
  });
}
