import { countBulkTargets } from "@/lib/bulk/apply-bulk-action";
import { bulkPreviewSchema } from "@/lib/bulk/schema";
import { route } from "@/lib/http";

/** The exact number of episodes a bulk action on this filter would change. */
export const POST = route({ role: "reviewer", body: bulkPreviewSchema }, ({ body }) => countBulkTargets(body.query));
