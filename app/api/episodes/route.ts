import { route } from "@/lib/http";
import { episodeListQuerySchema, findEpisodes } from "@/lib/search/find-episodes";

export const GET = route({ role: "viewer", query: episodeListQuerySchema }, ({ query }) => findEpisodes(query));
