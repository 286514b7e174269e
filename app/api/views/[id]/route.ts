import { z } from "zod";
import { checkRole } from "@/lib/auth/permission";
import { route } from "@/lib/http";
import { deleteSavedView, updateSavedView } from "@/lib/views/saved-views";
import { savedViewPatchSchema } from "@/lib/views/schema";

const idSchema = z.coerce.number().int().positive().max(2_147_483_647);

/** Rename, re-filter or (un)share a view; owner or admin. */
export const PATCH = route({ role: "viewer", body: savedViewPatchSchema }, ({ actor, params, body }) =>
  updateSavedView(checkRole(actor, "viewer"), idSchema.parse(params.id), body),
);

/** Delete a view; owner or admin. */
export const DELETE = route({ role: "viewer" }, ({ actor, params }) => deleteSavedView(checkRole(actor, "viewer"), idSchema.parse(params.id)));
