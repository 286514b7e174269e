/**
 * The ONLY place a filter becomes SQL: a WHERE clause over `episodes e` with `$n` placeholders.
 * Values only ever travel in `params`; the SQL text is built from fixed column names alone.
 */
import { arrayFacetColumns, facetColumns, rangeColumns, type ArrayFacetKey, type ColumnFacetKey } from "./columns";
import type { EpisodeFilter, RangeKey } from "./filter";

export type SqlWhere = { where: string; params: unknown[] };

/** Appends a value and returns its placeholder. */
export function bind(params: unknown[], value: unknown): string {
  params.push(value);
  return `$${params.length}`;
}

function resolvedCondition(values: readonly string[], params: unknown[]): string {
  const known = values.filter((v) => v !== "unknown").map((v) => v === "true");
  const parts = [
    ...(known.length > 0 ? [`e.resolved = ANY(${bind(params, [...new Set(known)])}::boolean[])`] : []),
    ...(values.includes("unknown") ? ["e.resolved IS NULL"] : []),
  ];
  return parts.length === 1 ? parts[0] : `(${parts.join(" OR ")})`;
}

/** A glob (`*`, `?`) matches a whole path; anything else is a substring of some path. */
export function isPathGlob(pattern: string): boolean {
  return /[*?]/.test(pattern);
}

/** `src/*.py` → a regex over the newline-separated `touched_paths` (`*` never crosses a line). */
export function globToRegex(glob: string): string {
  const body = [...glob]
    .map((ch) => (ch === "*" ? "[^\n]*" : ch === "?" ? "[^\n]" : ch.replace(/[\\^$.|+()[\]{}]/g, "\\$&")))
    .join("");
  return `(^|\n)${body}(\n|$)`;
}

/** LIKE pattern for a substring: the user's % and _ are literal. */
export function likeSubstring(text: string): string {
  return `%${text.replace(/[\\%_]/g, "\\$&")}%`;
}

/** Any of the patterns; both forms use the trigram index on touched_paths. */
function pathCondition(patterns: readonly string[], params: unknown[]): string {
  const parts = patterns.map((p) =>
    isPathGlob(p) ? `e.touched_paths ~ ${bind(params, globToRegex(p))}` : `e.touched_paths LIKE ${bind(params, likeSubstring(p))}`,
  );
  return parts.length === 1 ? parts[0] : `(${parts.join(" OR ")})`;
}

export function filterToSql(filter: Partial<EpisodeFilter>): SqlWhere {
  const params: unknown[] = [];
  const conditions: string[] = [];

  for (const key of Object.keys(facetColumns) as ColumnFacetKey[]) {
    const values = filter[key];
    if (!values?.length) continue;
    const { column, type } = facetColumns[key];
    conditions.push(`${column} = ANY(${bind(params, values)}::${type}[])`);
  }
  if (filter.resolved?.length) conditions.push(resolvedCondition(filter.resolved, params));
  // Containment uses the GIN index on quality_flags; an episode must carry every listed flag.
  if (filter.flag?.length) conditions.push(`e.quality_flags @> ${bind(params, filter.flag)}::text[]`);

  for (const key of Object.keys(rangeColumns) as RangeKey[]) {
    const range = filter[key];
    if (!range) continue;
    const { column, type } = rangeColumns[key];
    if (range.min !== undefined) conditions.push(`${column} >= ${bind(params, range.min)}::${type}`);
    if (range.max !== undefined) conditions.push(`${column} <= ${bind(params, range.max)}::${type}`);
  }

  // Overlap (&&) uses each array column's GIN index.
  for (const key of Object.keys(arrayFacetColumns) as ArrayFacetKey[]) {
    const values = filter[key];
    if (values?.length) conditions.push(`${arrayFacetColumns[key].column} && ${bind(params, values)}::text[]`);
  }
  if (filter.path?.length) conditions.push(pathCondition(filter.path, params));
  if (filter.hasTests !== undefined)
    conditions.push(filter.hasTests ? "(e.f2p_pass IS NOT NULL OR e.p2p_pass IS NOT NULL)" : "(e.f2p_pass IS NULL AND e.p2p_pass IS NULL)");
  if (filter.hasGold !== undefined) conditions.push(filter.hasGold ? "e.has_gold_patch" : "NOT e.has_gold_patch");
  if (filter.q)
    conditions.push(
      `EXISTS (SELECT 1 FROM episode_contents c WHERE c.episode_id = e.id AND c.search_vector @@ websearch_to_tsquery('simple', ${bind(params, filter.q)}))`,
    );

  if (filter.text) {
    const pattern = bind(params, likeSubstring(filter.text));
    conditions.push(`EXISTS (SELECT 1 FROM episode_contents c WHERE c.episode_id = e.id AND (c.task_text ILIKE ${pattern} OR c.final_patch ILIKE ${pattern}))`);
  }

  return { where: conditions.length > 0 ? conditions.join(" AND ") : "TRUE", params };
}
