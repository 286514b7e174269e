import { route } from "@/lib/http";
import { facetCounts } from "@/lib/search/facets";
import { episodeFilterSchema } from "@/lib/search/filter";
import { blindRedaction } from "@/lib/review/blind-redaction";

/** Facet value counts and numeric histograms under the filter given by the same parameters as the list. */
export const GET = route({ role: "viewer", query: episodeFilterSchema }, async ({ actor, query }) => facetCounts(query, await blindRedaction(actor)));
