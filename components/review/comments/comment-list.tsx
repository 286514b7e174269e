"use client";

import { RelativeTime } from "@/components/ui/relative-time";
import type { Comment } from "@/lib/review/comments/schema";

/** Comments as text (never HTML), newest last; my own can be deleted. */
export function CommentList({ comments, userId, onDelete, showStep }: { comments: Comment[]; userId: string | null; onDelete: (id: number) => void; showStep: boolean }) {
  return (
    <ul className="space-y-1.5">
      {comments.map((comment) => (
        <li key={comment.id} className="rounded bg-stone-50 px-2 py-1 text-sm">
          <p className="text-xs text-stone-500">
            <span className="font-medium text-stone-700">{comment.author.name}</span>
            {showStep && comment.stepIdx !== null && (
              <>
                {" on "}
                <a href={`#step-${comment.stepIdx}`} className="text-blue-700 underline">
                  step {comment.stepIdx}
                </a>
              </>
            )}
            {" · "}
            <RelativeTime value={comment.createdAt} />
            {comment.author.id === userId && (
              <button type="button" onClick={() => onDelete(comment.id)} aria-label={`Delete comment ${comment.id}`} className="ml-2 text-red-700 hover:underline">
                Delete
              </button>
            )}
          </p>
          <p className="whitespace-pre-wrap [overflow-wrap:anywhere]">{comment.body}</p>
        </li>
      ))}
    </ul>
  );
}
