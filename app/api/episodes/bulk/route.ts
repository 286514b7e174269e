import { checkRole } from "@/lib/auth/permission";
import { applyBulkAction } from "@/lib/bulk/apply-bulk-action";
import { bulkActionSchema } from "@/lib/bulk/schema";
import { route } from "@/lib/http";

/** Apply one action to every episode the filter matches, in one transaction; 409 when the count moved. */
export const POST = route({ role: "reviewer", body: bulkActionSchema }, ({ actor, body }) => applyBulkAction(checkRole(actor, "reviewer"), body));
