import { checkRole } from "@/lib/auth/permission";
import { route } from "@/lib/http";
import { updateJudgment } from "@/lib/review/judgments/save-judgment";
import { judgmentPatchSchema } from "@/lib/review/judgments/schema";
import { idParam } from "@/lib/review/params";

/** Change a judgment (its annotator, or a reviewer) given the version last seen; 409 when someone changed it since. */
export const PATCH = route({ role: "annotator", body: judgmentPatchSchema }, ({ actor, params, body }) =>
  updateJudgment(checkRole(actor, "annotator"), idParam(params, "id"), idParam(params, "judgmentId"), body),
);
