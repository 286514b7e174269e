/** The facets whose values are counted (the sidebar's lists), shared by the SQL and in-memory paths. */
export const countedFacets = ["kind", "source", "repo", "agent", "model", "exit", "resolved", "review", "flag", "batch", "label", "annotator", "tool"] as const;
export type CountedFacet = (typeof countedFacets)[number];
/** The most values one facet returns (most frequent first). */
export const FACET_VALUES_LIMIT = 50;
