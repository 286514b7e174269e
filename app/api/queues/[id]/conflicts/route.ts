import { route } from "@/lib/http";
import { listConflicts } from "@/lib/review/consensus/queue-consensus";
import { conflictQuerySchema } from "@/lib/review/consensus/schema";
import { idParam } from "@/lib/review/params";

/** Items whose submitted judgments disagree (on the verdict or a dimension); `status=open|resolved|all`. Reviewers. */
export const GET = route({ role: "reviewer", query: conflictQuerySchema }, ({ params, query }) => listConflicts(idParam(params, "id"), query.status));
