import { route } from "@/lib/http";
import { insights } from "@/lib/insights/insights";
import { episodeFilterSchema } from "@/lib/search/filter";
import { blindRedaction } from "@/lib/review/blind-redaction";

/** The Insights numbers under the filter given by the same parameters as the list. */
export const GET = route({ role: "viewer", query: episodeFilterSchema }, async ({ actor, query }) => insights(query, await blindRedaction(actor)));
