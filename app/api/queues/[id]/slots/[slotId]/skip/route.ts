import { checkRole } from "@/lib/auth/permission";
import { route } from "@/lib/http";
import { idParam } from "@/lib/review/params";
import { skipSlot } from "@/lib/review/queues/claim";

/** Pass on the item: the slot goes back to the queue and "next" never offers me this item again. */
export const POST = route({ role: "annotator" }, ({ actor, params }) => skipSlot(checkRole(actor, "annotator"), idParam(params, "id"), idParam(params, "slotId")));
