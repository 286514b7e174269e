/**
 * Facet counts: for each facet, its top values under the current filter minus that facet's own
 * selection (so choosing `model=a` still shows how many `model=b` would add), the exact total, and
 * histograms of the numeric columns under the whole filter — all from the in-memory corpus index
 * (./corpus), one pass over a million episodes. Full text and touched paths, which only
 * PostgreSQL's indexes can answer, are asked of PostgreSQL first and applied as a set of ids.
 */
import { z } from "zod";
import { pool } from "@/lib/db";
import { corpusIndex } from "./corpus/corpus-index";
import { compileFilter, countFacets, countMatches, matchingSlots, type SlotSet } from "./corpus/query";
import { redactStore } from "./corpus/redact";
import type { CorpusStore } from "./corpus/store";
import { countedFacets } from "./facet-keys";
import { toSearchParams, type EpisodeFilter } from "./filter";
import type { EpisodeTotal } from "./count";
import { histogramSchema } from "./histograms";
import type { Redaction } from "./redaction";
import { filterToSql } from "./to-sql";

export { countedFacets, FACET_VALUES_LIMIT, type CountedFacet } from "./facet-keys";

const facetValueSchema = z.object({
  value: z.string(),
  count: z.number().int(),
  /** A readable name where the value is an id (annotators: the user's name). */
  label: z.string().optional(),
});
export const facetCountsSchema = z.object({
  /** Exact number of episodes matching the whole filter. */
  total: z.number().int(),
  facets: z.record(z.enum(countedFacets), z.array(facetValueSchema)),
  histograms: z.record(z.enum(["steps", "tokens", "cost", "score", "patch", "files"]), histogramSchema),
});
export type FacetCounts = z.infer<typeof facetCountsSchema>;

/** Whether the filter has clauses only SQL can evaluate. */
export function needsSql(filter: EpisodeFilter): boolean {
  return Boolean(filter.q || filter.text || filter.path?.length);
}

/**
 * Ids matching the SQL-only clauses (full text, touched path), or null when there are none.
 * A common word can match most of the corpus, so the last few answers are kept until the index
 * changes: clicking through facets under one search asks PostgreSQL once.
 */
const sqlOnlyCache = new Map<string, { version: number; ids: number[] }>();
const SQL_ONLY_CACHE_SIZE = 8;

async function sqlOnlyIds(filter: EpisodeFilter, version: number): Promise<number[] | null> {
  if (!needsSql(filter)) return null;
  const key = JSON.stringify([filter.q ?? null, filter.text ?? null, filter.path ?? null]);
  const cached = sqlOnlyCache.get(key);
  if (cached?.version === version) return cached.ids;
  const { where, params } = filterToSql({ q: filter.q, text: filter.text, path: filter.path });
  const result = await pool.query<[number]>({ text: `SELECT e.id FROM episodes e WHERE ${where}`, values: params, rowMode: "array" });
  const ids = result.rows.map((row) => row[0]);
  sqlOnlyCache.delete(key);
  sqlOnlyCache.set(key, { version, ids });
  if (sqlOnlyCache.size > SQL_ONLY_CACHE_SIZE) sqlOnlyCache.delete(sqlOnlyCache.keys().next().value!);
  return ids;
}

function toSlots(store: CorpusStore, ids: readonly number[]): SlotSet {
  const slots = new Uint8Array(store.end);
  for (const id of ids) {
    const slot = store.slotOf(id);
    if (slot >= 0) slots[slot] = 1;
  }
  return slots;
}

async function annotatorNames(ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const users = await pool.query<{ id: string; name: string; email: string }>(`SELECT id, name, email FROM users WHERE id = ANY($1::text[])`, [ids]);
  return new Map(users.rows.map((u) => [u.id, u.name || u.email]));
}

/**
 * Answers for the last few filters, valid while the index has not moved: the landing view, back
 * and forward, and teammates on the same view cost one computation per change of the corpus.
 */
const countsCache = new Map<string, { version: number; counts: FacetCounts }>();
const COUNTS_CACHE_SIZE = 16;

/** Drops cached answers (benchmarks measure the computation itself). */
export function clearFacetCache(): void {
  countsCache.clear();
  sqlOnlyCache.clear();
  totalsCache.clear();
}

/** The filter's identity for caches: its canonical URL form, sort left out (counts ignore it), and the redaction's. */
function filterKey(filter: EpisodeFilter, redaction: Redaction | null): string {
  const query = toSearchParams({ ...filter, sort: "created", dir: "desc" }).toString();
  return redaction ? `${query}#${redaction.key}` : query;
}

/** `redaction`: episodes whose review the caller may not see yet (blind review), counted as unjudged. */
export async function facetCounts(filter: EpisodeFilter, redaction: Redaction | null = null): Promise<FacetCounts> {
  const store = await corpusIndex().current();
  const key = filterKey(filter, redaction);
  const cached = countsCache.get(key);
  if (cached?.version === store.version) return cached.counts;
  const counts = await computeFacetCounts(store, filter, redaction);
  countsCache.delete(key);
  countsCache.set(key, { version: store.version, counts });
  if (countsCache.size > COUNTS_CACHE_SIZE) countsCache.delete(countsCache.keys().next().value!);
  return counts;
}

async function computeFacetCounts(live: CorpusStore, filter: EpisodeFilter, redaction: Redaction | null): Promise<FacetCounts> {
  const ids = await sqlOnlyIds(filter, live.version);
  // Synchronous from here: the index cannot change between mapping ids and counting.
  const store = redactStore(live, redaction);
  const counts = countFacets(store, compileFilter(store, filter, ids ? toSlots(store, ids) : null));
  const names = await annotatorNames(counts.facets.annotator.map((v) => v.value));
  const annotator = counts.facets.annotator.map((v) => ({ ...v, label: names.get(v.value) ?? v.value }));
  return { total: counts.total, facets: { ...counts.facets, annotator }, histograms: counts.histograms };
}

/**
 * The index and the slots of every episode matching the filter, for group-bys over the filtered
 * set (Insights, rollout groups). Use the slots before the next await: the index moves.
 */
export async function matchedSlots(filter: EpisodeFilter, redaction: Redaction | null = null): Promise<{ store: CorpusStore; slots: Int32Array }> {
  const live = await corpusIndex().current();
  const ids = await sqlOnlyIds(filter, live.version);
  const store = redactStore(live, redaction);
  return { store, slots: matchingSlots(store, compileFilter(store, filter, ids ? toSlots(store, ids) : null)) };
}

const totalsCache = new Map<string, { version: number; total: EpisodeTotal }>();

/**
 * A list's total, cached like the facet counts (every page of one list asks for the same total):
 * exact from the index, or — with full text, substring or path clauses — `countInSql`'s capped count.
 */
export async function listTotal(filter: EpisodeFilter, countInSql: () => Promise<EpisodeTotal>, redaction: Redaction | null = null): Promise<EpisodeTotal> {
  const live = await corpusIndex().current();
  const key = filterKey(filter, redaction);
  const cached = totalsCache.get(key);
  if (cached?.version === live.version) return cached.total;
  const store = redactStore(live, redaction);
  const total = needsSql(filter) ? await countInSql() : { total: countMatches(store, compileFilter(store, filter, null)), isTotalEstimated: false };
  totalsCache.delete(key);
  totalsCache.set(key, { version: live.version, total });
  if (totalsCache.size > COUNTS_CACHE_SIZE) totalsCache.delete(totalsCache.keys().next().value!);
  return total;
}

/** The exact number of episodes matching a filter without SQL-only clauses (callers check `needsSql`). */
export async function indexTotal(filter: EpisodeFilter): Promise<number> {
  if (needsSql(filter)) throw new Error("indexTotal cannot evaluate full text, substring or path clauses");
  return (await listTotal(filter, async () => ({ total: 0, isTotalEstimated: true }))).total;
}
