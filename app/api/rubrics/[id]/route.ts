import { checkRole } from "@/lib/auth/permission";
import { route } from "@/lib/http";
import { idParam } from "@/lib/review/params";
import { getRubric, updateRubric } from "@/lib/review/rubrics/rubrics";
import { rubricPatchSchema } from "@/lib/review/rubrics/schema";

export const GET = route({ role: "viewer" }, ({ params }) => getRubric(idParam(params, "id")));

/** Rename or re-describe in place; new instructions or dimensions make a new version once the current one is used. Admins. */
export const PATCH = route({ role: "admin", body: rubricPatchSchema }, ({ actor, params, body }) =>
  updateRubric(checkRole(actor, "admin"), idParam(params, "id"), body),
);
