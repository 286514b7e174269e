/**
 * The ONLY place a filter becomes SQL: a WHERE clause over `episodes e` with `$n` placeholders.
 * Values only ever travel in `params`; the SQL text is built from fixed column names alone.
 *
 * With a redaction (./redaction.ts), the review clauses (status, score, label, annotator) test
 * what the redaction shows for the withheld episodes, written so the others still use the
 * columns' indexes: `(column matches AND id not withheld) OR (id withheld AND shown value matches)`.
 */
import { arrayFacetColumns, facetColumns, rangeColumns, type ArrayFacetKey, type ColumnFacetKey } from "./columns";
import type { EpisodeFilter, RangeKey } from "./filter";
import type { Redaction } from "./redaction";

export type SqlWhere = {
  where: string;
  params: unknown[];
  /** The score as the redaction shows it (withheld: NULL), to sort by; set when sorting by score under a redaction. */
  scoreColumn?: string;
};

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

/** The redaction's withheld ids, bound once per query on first use. */
function withheldIds(redaction: Redaction | null, params: unknown[]): (() => string) | null {
  if (!redaction) return null;
  let placeholder: string | null = null;
  return () => (placeholder ??= `${bind(params, redaction.ids)}::int[]`);
}

/**
 * A clause on a review column; for withheld episodes, `shown`: the clause on the value they show
 * (false: never matches, true: always does).
 */
function reviewClause(clause: string, withheld: (() => string) | null, shown: string | boolean): string {
  if (!withheld) return clause;
  const visible = `(${clause} AND NOT e.id = ANY(${withheld()}))`;
  if (shown === false) return visible;
  return `(${visible} OR ${shown === true ? `e.id = ANY(${withheld()})` : `(e.id = ANY(${withheld()}) AND ${shown})`})`;
}

export function filterToSql(filter: Partial<EpisodeFilter>, redaction: Redaction | null = null): SqlWhere {
  const params: unknown[] = [];
  const conditions: string[] = [];
  const withheld = withheldIds(redaction, params);

  for (const key of Object.keys(facetColumns) as ColumnFacetKey[]) {
    const values = filter[key];
    if (!values?.length) continue;
    const { column, type } = facetColumns[key];
    const clause = `${column} = ANY(${bind(params, values)}::${type}[])`;
    // Withheld episodes show "pending".
    conditions.push(key === "review" ? reviewClause(clause, withheld, (values as readonly string[]).includes("pending")) : clause);
  }
  if (filter.resolved?.length) conditions.push(resolvedCondition(filter.resolved, params));
  // Containment uses the GIN index on quality_flags; an episode must carry every listed flag.
  if (filter.flag?.length) conditions.push(`e.quality_flags @> ${bind(params, filter.flag)}::text[]`);

  for (const key of Object.keys(rangeColumns) as RangeKey[]) {
    const range = filter[key];
    if (!range) continue;
    const { column, type } = rangeColumns[key];
    // Withheld episodes have no score, which no range matches.
    const shown = (clause: string) => (key === "score" ? reviewClause(clause, withheld, false) : clause);
    if (range.min !== undefined) conditions.push(shown(`${column} >= ${bind(params, range.min)}::${type}`));
    if (range.max !== undefined) conditions.push(shown(`${column} <= ${bind(params, range.max)}::${type}`));
  }

  // Overlap (&&) uses each array column's GIN index.
  for (const key of Object.keys(arrayFacetColumns) as ArrayFacetKey[]) {
    const values = filter[key];
    if (!values?.length) continue;
    const selected = bind(params, values);
    const clause = `${arrayFacetColumns[key].column} && ${selected}::text[]`;
    // Withheld episodes show their bulk labels alone, and no annotators.
    if (key === "tool") conditions.push(clause);
    else conditions.push(reviewClause(clause, withheld, key === "label" ? `e.bulk_labels && ${selected}::text[]` : false));
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

  const scoreColumn = withheld && filter.sort === "score" ? `(CASE WHEN e.id = ANY(${withheld()}) THEN NULL ELSE e.score END)` : undefined;
  return { where: conditions.length > 0 ? conditions.join(" AND ") : "TRUE", params, ...(scoreColumn && { scoreColumn }) };
}
