"use client";

import { useMyUserId } from "@/components/review/panel/use-review-data";
import { CommentForm } from "./comment-form";
import { CommentList } from "./comment-list";
import { useAddComment, useComments, useDeleteComment } from "./use-comments";

/** The panel's comments: all of the episode's (step ones link to their step), and a box for a new one on the episode. */
export function EpisodeComments({ episodeId }: { episodeId: number }) {
  const userId = useMyUserId();
  const comments = useComments(episodeId);
  const add = useAddComment(episodeId);
  const remove = useDeleteComment(episodeId);
  const items = comments.data?.items ?? [];
  const hidden = comments.data?.hidden ?? 0;
  return (
    <section aria-label="Comments" className="space-y-2">
      <h3 className="text-sm font-semibold">Comments</h3>
      {comments.error && <p role="alert" className="text-sm text-red-700">{comments.error.message}</p>}
      {items.length === 0 && !comments.isPending && <p className="text-sm text-stone-500">No comments yet.</p>}
      <CommentList comments={items} userId={userId} onDelete={(id) => remove.mutate(id)} showStep />
      {hidden > 0 && <p className="text-sm text-stone-600">{hidden} more hidden until you submit.</p>}
      {remove.error && <p role="alert" className="text-sm text-red-700">{remove.error.message}</p>}
      <CommentForm label="Comment" placeholder="A comment on the whole episode" submitLabel="Add comment" isPending={add.isPending} error={add.error} onAdd={(body, done) => add.mutate({ body, stepIdx: null }, { onSuccess: done })} />
    </section>
  );
}
