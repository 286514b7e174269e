import { route } from "@/lib/http";
import { findGroups, groupListQuerySchema } from "@/lib/search/groups";

/** Rollout groups (episodes sharing an instance id) under the list's filter, plus `cursor` and `limit`. */
export const GET = route({ role: "viewer", query: groupListQuerySchema }, ({ query }) => findGroups(query.filter, query.page));
