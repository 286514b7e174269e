/**
 * Facet counts the slow, obvious way — one SQL query per facet over filterToSql — as the reference
 * the in-memory corpus index (lib/search/facets.ts) is checked against in tests. `source` is the
 * table or view read as `e`: `episodes`, or a view of it as a redaction shows it.
 */
import { pool } from "@/lib/db";
import { arrayFacetColumns, facetColumns } from "@/lib/search/columns";
import { countedFacets, FACET_VALUES_LIMIT, type CountedFacet } from "@/lib/search/facet-keys";
import type { EpisodeFilter } from "@/lib/search/filter";
import { histograms } from "@/lib/search/histograms";
import { filterToSql } from "@/lib/search/to-sql";

function facetSource(facet: CountedFacet, source: string): { from: string; value: string } {
  if (facet === "flag") return { from: `${source} e CROSS JOIN LATERAL unnest(e.quality_flags) AS f(v)`, value: "f.v" };
  if (facet === "label" || facet === "annotator" || facet === "tool")
    return { from: `${source} e CROSS JOIN LATERAL unnest(${arrayFacetColumns[facet].column}) AS f(v)`, value: "f.v" };
  if (facet === "resolved")
    return { from: `${source} e`, value: "CASE WHEN e.resolved IS NULL THEN 'unknown' WHEN e.resolved THEN 'true' ELSE 'false' END" };
  return { from: `${source} e`, value: `${facetColumns[facet].column}::text` };
}

async function countValues(filter: EpisodeFilter, facet: CountedFacet, source: string) {
  const { [facet]: _ownSelection, ...others } = filter;
  const { where, params } = filterToSql(others);
  const { from, value } = facetSource(facet, source);
  const result = await pool.query<{ value: string; count: number }>(
    `SELECT ${value} AS value, count(*)::int AS count FROM ${from}
     WHERE ${where} AND ${value} IS NOT NULL
     GROUP BY 1 ORDER BY 2 DESC, 1::text COLLATE "C" LIMIT ${FACET_VALUES_LIMIT}`,
    params,
  );
  return [facet, result.rows] as const;
}

export async function sqlFacetCounts(filter: EpisodeFilter, source = "episodes") {
  const { where, params } = filterToSql(filter);
  const [counts, numeric, total] = await Promise.all([
    Promise.all(countedFacets.map((facet) => countValues(filter, facet, source))),
    histograms(filter, source),
    pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${source} e WHERE ${where}`, params),
  ]);
  return { total: total.rows[0].n, facets: Object.fromEntries(counts) as Record<CountedFacet, { value: string; count: number }[]>, histograms: numeric };
}

type Counts = { total: number; facets: Record<string, { value: string; count: number }[]>; histograms: Record<string, { min: number | null; max: number | null; buckets: { from: number; to: number; count: number }[] }> };

/**
 * Counts in a form two sources can be compared in: facets as value → count maps, without `batch`
 * (its counts ignore the batch selection, so they see other test files' data); integer histograms
 * whole, float ones by bounds and size (bucket edges may differ by rounding).
 */
export function comparableCounts({ total, facets, histograms }: Counts) {
  const byValue = Object.fromEntries(
    Object.entries(facets)
      .filter(([facet]) => facet !== "batch")
      .map(([facet, values]) => [facet, Object.fromEntries(values.map((v) => [v.value, v.count]))]),
  );
  const integer = ["steps", "tokens", "patch", "files"];
  const numeric = Object.fromEntries(
    Object.entries(histograms).map(([key, h]) => [
      key,
      integer.includes(key) ? h : { min: h.min, max: h.max, n: h.buckets.reduce((n, b) => n + b.count, 0) },
    ]),
  );
  return { total, facets: byValue, histograms: numeric };
}
