import { NextResponse } from "next/server";
import { checkRole } from "@/lib/auth/permission";
import { route } from "@/lib/http";
import { createRubric, listRubrics } from "@/lib/review/rubrics/rubrics";
import { rubricCreateSchema } from "@/lib/review/rubrics/schema";

/** Every rubric with its current version. */
export const GET = route({ role: "viewer" }, () => listRubrics());

/** Create a rubric (version 1). Admins. */
export const POST = route({ role: "admin", body: rubricCreateSchema }, async ({ actor, body }) =>
  NextResponse.json(await createRubric(checkRole(actor, "admin"), body), { status: 201 }),
);
