import { route } from "@/lib/http";
import { episodeListQuerySchema, findEpisodes } from "@/lib/search/find-episodes";

/** The filtered list: every filter parameter of lib/search/filter.ts, plus `cursor` and `limit`. */
export const GET = route({ role: "viewer", query: episodeListQuerySchema }, ({ query }) => findEpisodes(query.filter, query.page));
