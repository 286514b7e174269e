import { checkRole } from "@/lib/auth/permission";
import { route } from "@/lib/http";
import { idParam } from "@/lib/review/params";
import { getQueue, updateQueue } from "@/lib/review/queues/manage";
import { queuePatchSchema } from "@/lib/review/queues/schema";

export const GET = route({ role: "viewer" }, ({ actor, params }) => getQueue(checkRole(actor, "viewer"), idParam(params, "id")));

/** Rename, close or reopen, change blind mode, reservation time, overlap (upwards) or an unused rubric version. Admins. */
export const PATCH = route({ role: "admin", body: queuePatchSchema }, ({ actor, params, body }) => updateQueue(checkRole(actor, "admin"), idParam(params, "id"), body));
