"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getJson, sendJson } from "@/components/review/panel/review-api";
import { reviewKeys } from "@/components/review/panel/review-keys";
import type { Comment, CommentList } from "@/lib/review/comments/schema";

/** The episode's comments (on it and on its steps); blind review hides others' until I submit. */
export function useComments(episodeId: number, enabled = true) {
  return useQuery({
    queryKey: reviewKeys.comments(episodeId),
    queryFn: ({ signal }) => getJson<CommentList>(`/api/episodes/${episodeId}/comments`, "Loading comments", signal),
    enabled,
  });
}

export function useAddComment(episodeId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { body: string; stepIdx: number | null }) => sendJson<Comment>("POST", `/api/episodes/${episodeId}/comments`, input, "Adding the comment"),
    onSuccess: (comment) =>
      queryClient.setQueryData<CommentList>(reviewKeys.comments(episodeId), (old) => old && { ...old, items: [...old.items, comment] }),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: reviewKeys.comments(episodeId) }),
        queryClient.invalidateQueries({ queryKey: reviewKeys.history(episodeId) }),
      ]),
  });
}

export function useDeleteComment(episodeId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (commentId: number) => sendJson<{ id: number }>("DELETE", `/api/episodes/${episodeId}/comments/${commentId}`, undefined, "Deleting the comment"),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: reviewKeys.comments(episodeId) }),
        queryClient.invalidateQueries({ queryKey: reviewKeys.history(episodeId) }),
      ]),
  });
}
