/**
 * Facet counts: for each facet, its top values under the current filter minus that facet's own
 * selection (so choosing `model=a` still shows how many `model=b` would add), plus histograms of
 * the numeric columns under the whole filter. One query per facet, run concurrently.
 */
import { z } from "zod";
import { pool } from "@/lib/db";
import { arrayFacetColumns, facetColumns } from "./columns";
import type { EpisodeFilter } from "./filter";
import { histogramSchema, histograms } from "./histograms";
import { filterToSql } from "./to-sql";

export const countedFacets = ["kind", "source", "repo", "agent", "model", "exit", "resolved", "review", "flag", "batch", "label", "annotator", "tool"] as const;
export type CountedFacet = (typeof countedFacets)[number];
export const FACET_VALUES_LIMIT = 50;

const facetValueSchema = z.object({ value: z.string(), count: z.number().int() });
export const facetCountsSchema = z.object({
  facets: z.record(z.enum(countedFacets), z.array(facetValueSchema)),
  histograms: z.record(z.enum(["steps", "tokens", "cost", "score", "patch", "files"]), histogramSchema),
});
export type FacetCounts = z.infer<typeof facetCountsSchema>;

/** FROM + the value expression per facet; values are returned as the URL spells them. */
function facetSource(facet: CountedFacet): { from: string; value: string } {
  if (facet === "flag") return { from: "episodes e CROSS JOIN LATERAL unnest(e.quality_flags) AS f(flag)", value: "f.flag" };
  if (facet === "label" || facet === "annotator" || facet === "tool")
    return { from: `episodes e CROSS JOIN LATERAL unnest(${arrayFacetColumns[facet].column}) AS f(v)`, value: "f.v" };
  if (facet === "resolved")
    return { from: "episodes e", value: "CASE WHEN e.resolved IS NULL THEN 'unknown' WHEN e.resolved THEN 'true' ELSE 'false' END" };
  return { from: "episodes e", value: `${facetColumns[facet].column}::text` };
}

async function countValues(filter: EpisodeFilter, facet: CountedFacet) {
  const { [facet]: _ownSelection, ...others } = filter;
  const { where, params } = filterToSql(others);
  const { from, value } = facetSource(facet);
  const result = await pool.query<{ value: string; count: number }>(
    `SELECT ${value} AS value, count(*)::int AS count FROM ${from}
     WHERE ${where} AND ${value} IS NOT NULL
     GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${FACET_VALUES_LIMIT}`,
    params,
  );
  return [facet, result.rows] as const;
}

export async function facetCounts(filter: EpisodeFilter): Promise<FacetCounts> {
  const [counts, numeric] = await Promise.all([Promise.all(countedFacets.map((facet) => countValues(filter, facet))), histograms(filter)]);
  return { facets: Object.fromEntries(counts) as FacetCounts["facets"], histograms: numeric };
}
