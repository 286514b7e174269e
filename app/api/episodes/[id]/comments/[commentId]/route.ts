import { checkRole } from "@/lib/auth/permission";
import { route } from "@/lib/http";
import { deleteComment, updateComment } from "@/lib/review/comments/comments";
import { commentPatchSchema } from "@/lib/review/comments/schema";
import { idParam } from "@/lib/review/params";

/** Edit my comment. */
export const PATCH = route({ role: "annotator", body: commentPatchSchema }, ({ actor, params, body }) =>
  updateComment(checkRole(actor, "annotator"), idParam(params, "id"), idParam(params, "commentId"), body),
);

/** Delete a comment (its author, or a reviewer). */
export const DELETE = route({ role: "annotator" }, ({ actor, params }) =>
  deleteComment(checkRole(actor, "annotator"), idParam(params, "id"), idParam(params, "commentId")),
);
