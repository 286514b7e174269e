import { route } from "@/lib/http";
import { facetCounts } from "@/lib/search/facets";
import { episodeFilterSchema } from "@/lib/search/filter";

/** Facet value counts and numeric histograms under the filter given by the same parameters as the list. */
export const GET = route({ role: "viewer", query: episodeFilterSchema }, ({ query }) => facetCounts(query));
