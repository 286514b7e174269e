import { checkRole } from "@/lib/auth/permission";
import { route } from "@/lib/http";
import { idParam } from "@/lib/review/params";
import { claimNext } from "@/lib/review/queues/claim";

/** Claim my next slot (or get back the one I hold); `slot: null` when nothing is left for me. */
export const POST = route({ role: "annotator" }, ({ actor, params }) => claimNext(checkRole(actor, "annotator"), idParam(params, "id")));
