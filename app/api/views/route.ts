import { NextResponse } from "next/server";
import { checkRole } from "@/lib/auth/permission";
import { route } from "@/lib/http";
import { createSavedView, listSavedViews } from "@/lib/views/saved-views";
import { savedViewCreateSchema } from "@/lib/views/schema";

/** My views and the ones others share with the team, by name. */
export const GET = route({ role: "viewer" }, ({ actor }) => listSavedViews(checkRole(actor, "viewer")));

/** Save a view; its query is stored canonical. 409 when I already have a view with that name. */
export const POST = route({ role: "viewer", body: savedViewCreateSchema }, async ({ actor, body }) =>
  NextResponse.json(await createSavedView(checkRole(actor, "viewer"), body), { status: 201 }),
);
