import { checkRole } from "@/lib/auth/permission";
import { route } from "@/lib/http";
import { confirmProposals } from "@/lib/review/masks/masks";
import { maskConfirmSchema } from "@/lib/review/masks/schema";
import { idParam } from "@/lib/review/params";

/** Accept pending proposals as proposed (all of them, or the listed keys). */
export const POST = route({ role: "annotator", body: maskConfirmSchema }, ({ actor, params, body }) =>
  confirmProposals(checkRole(actor, "annotator"), idParam(params, "id"), body),
);
