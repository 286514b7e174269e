import { checkRole } from "@/lib/auth/permission";
import { route } from "@/lib/http";
import { idParam } from "@/lib/review/params";
import { releaseSlot } from "@/lib/review/queues/claim";

/** Give the slot back without skipping (I may get the item again later). */
export const POST = route({ role: "annotator" }, ({ actor, params }) => releaseSlot(checkRole(actor, "annotator"), idParam(params, "id"), idParam(params, "slotId")));
