import { checkRole } from "@/lib/auth/permission";
import { route } from "@/lib/http";
import { idParam } from "@/lib/review/params";
import { addGoldItems } from "@/lib/review/queues/manage";
import { queueGoldSchema } from "@/lib/review/queues/schema";

/** Add gold items (known answers) to the queue, or set the answers of items already in it. Admins. */
export const POST = route({ role: "admin", body: queueGoldSchema }, ({ actor, params, body }) => addGoldItems(checkRole(actor, "admin"), idParam(params, "id"), body));
