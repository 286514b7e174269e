import { NextResponse } from "next/server";
import { checkRole } from "@/lib/auth/permission";
import { route } from "@/lib/http";
import { listEpisodeJudgments } from "@/lib/review/judgments/episode-review";
import { createJudgment } from "@/lib/review/judgments/save-judgment";
import { judgmentCreateSchema } from "@/lib/review/judgments/schema";
import { idParam } from "@/lib/review/params";

/** Judgments of the episode the caller may see (blind review: only their own until they submit). */
export const GET = route({ role: "viewer" }, async ({ actor, params }) => {
  const { items, hidden } = await listEpisodeJudgments(checkRole(actor, "viewer"), idParam(params, "id"));
  return { items, hidden };
});

/** Start (or give in one go) my judgment; in a queue, only on an item I claimed. 409 if I already have one here. */
export const POST = route({ role: "annotator", body: judgmentCreateSchema }, async ({ actor, params, body }) =>
  NextResponse.json(await createJudgment(checkRole(actor, "annotator"), idParam(params, "id"), body), { status: 201 }),
);
