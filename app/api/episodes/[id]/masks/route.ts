import { NextResponse } from "next/server";
import { checkRole } from "@/lib/auth/permission";
import { route } from "@/lib/http";
import { createMask, getEpisodeMasks } from "@/lib/review/masks/masks";
import { maskCreateSchema } from "@/lib/review/masks/schema";
import { idParam } from "@/lib/review/params";

/** Masks people set, and the pending proposals from quality signals. */
export const GET = route({ role: "viewer" }, ({ params }) => getEpisodeMasks(idParam(params, "id")));

/** Mark a step range train / context / drop (optionally confirming or overriding a proposal). */
export const POST = route({ role: "annotator", body: maskCreateSchema }, async ({ actor, params, body }) =>
  NextResponse.json(await createMask(checkRole(actor, "annotator"), idParam(params, "id"), body), { status: 201 }),
);
