import { route } from "@/lib/http";
import { findGroups, groupListQuerySchema } from "@/lib/search/groups";
import { blindRedaction } from "@/lib/review/blind-redaction";

/** Rollout groups (episodes sharing an instance id) under the list's filter, plus `cursor` and `limit`. */
export const GET = route({ role: "viewer", query: groupListQuerySchema }, async ({ actor, query }) => findGroups(query.filter, query.page, await blindRedaction(actor)));
