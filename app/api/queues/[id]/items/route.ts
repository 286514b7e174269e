import { route } from "@/lib/http";
import { idParam } from "@/lib/review/params";
import { listQueueItems } from "@/lib/review/queues/progress";

/** The queue's items with their gold answers and slot counts. Reviewers (annotators must not see which items are gold). */
export const GET = route({ role: "reviewer" }, ({ params }) => listQueueItems(idParam(params, "id")));
