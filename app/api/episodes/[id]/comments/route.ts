import { NextResponse } from "next/server";
import { checkRole } from "@/lib/auth/permission";
import { route } from "@/lib/http";
import { createComment, listComments } from "@/lib/review/comments/comments";
import { commentCreateSchema } from "@/lib/review/comments/schema";
import { idParam } from "@/lib/review/params";

/** Comments on the episode and its steps (blind review hides others' until the caller submits). */
export const GET = route({ role: "viewer" }, ({ actor, params }) => listComments(checkRole(actor, "viewer"), idParam(params, "id")));

/** Comment on the episode, or on one step with `stepIdx`. */
export const POST = route({ role: "annotator", body: commentCreateSchema }, async ({ actor, params, body }) =>
  NextResponse.json(await createComment(checkRole(actor, "annotator"), idParam(params, "id"), body), { status: 201 }),
);
