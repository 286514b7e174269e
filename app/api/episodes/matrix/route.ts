import { route } from "@/lib/http";
import { instanceModelMatrix, matrixQuerySchema } from "@/lib/search/groups";
import { blindRedaction } from "@/lib/review/blind-redaction";

/** Instances × models outcome counts under the list's filter, plus `cursor` and `limit` (rows). */
export const GET = route({ role: "viewer", query: matrixQuerySchema }, async ({ actor, query }) => instanceModelMatrix(query.filter, query.page, await blindRedaction(actor)));
