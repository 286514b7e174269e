import { checkRole } from "@/lib/auth/permission";
import { route } from "@/lib/http";
import { deleteMask } from "@/lib/review/masks/masks";
import { idParam } from "@/lib/review/params";

/** Remove a mask (whoever set it, or a reviewer). */
export const DELETE = route({ role: "annotator" }, ({ actor, params }) => deleteMask(checkRole(actor, "annotator"), idParam(params, "id"), idParam(params, "maskId")));
