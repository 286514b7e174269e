import { checkRole } from "@/lib/auth/permission";
import { route } from "@/lib/http";
import { readAuditTrail } from "@/lib/review/history/history";
import { auditQuerySchema } from "@/lib/review/history/schema";

/** The audit trail, newest first (read only: no route edits or deletes an event). Reviewers; annotators for one episode. */
export const GET = route({ role: "annotator", query: auditQuerySchema }, ({ actor, query }) => readAuditTrail(checkRole(actor, "annotator"), query));
