import { route } from "@/lib/http";
import { idParam } from "@/lib/review/params";
import { getQueueProgress } from "@/lib/review/queues/progress";

/** Progress of the queue and of each annotator working it. */
export const GET = route({ role: "viewer" }, ({ params }) => getQueueProgress(idParam(params, "id")));
