import { route } from "@/lib/http";
import { instanceModelMatrix, matrixQuerySchema } from "@/lib/search/groups";

/** Instances × models outcome counts under the list's filter, plus `cursor` and `limit` (rows). */
export const GET = route({ role: "viewer", query: matrixQuerySchema }, ({ query }) => instanceModelMatrix(query.filter, query.page));
