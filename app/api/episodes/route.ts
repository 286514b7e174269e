import { route } from "@/lib/http";
import { episodeListQuerySchema, findEpisodes } from "@/lib/search/find-episodes";
import { blindRedaction } from "@/lib/review/blind-redaction";

/** The filtered list: every filter parameter of lib/search/filter.ts, plus `cursor` and `limit`. */
export const GET = route({ role: "viewer", query: episodeListQuerySchema }, async ({ actor, query }) => findEpisodes(query.filter, query.page, await blindRedaction(actor)));
