import { NextResponse } from "next/server";
import { checkRole } from "@/lib/auth/permission";
import { route } from "@/lib/http";
import { adjudicate } from "@/lib/review/judgments/adjudicate";
import { adjudicationCreateSchema } from "@/lib/review/judgments/schema";
import { idParam } from "@/lib/review/params";

/** A reviewer's final verdict (and optionally final values), recorded with every side it resolves. */
export const POST = route({ role: "reviewer", body: adjudicationCreateSchema }, async ({ actor, params, body }) =>
  NextResponse.json(await adjudicate(checkRole(actor, "reviewer"), idParam(params, "id"), body), { status: 201 }),
);
