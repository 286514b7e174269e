/**
 * Under a redaction (blind review), the list's SQL and the in-memory index must read the withheld
 * episodes exactly as a plain SQL view that replaces their review columns does: the same rows,
 * order, totals, facet counts and histograms, for every kind of filter.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnect, pool } from "@/lib/db";
import { seedSearchCorpus } from "@/lib/testing/search-corpus";
import { comparableCounts, sqlFacetCounts } from "@/lib/testing/sql-facets";
import { facetCounts, matchedSlots } from "./facets";
import { episodeFilterSchema, type EpisodeFilter } from "./filter";
import { findEpisodes } from "./find-episodes";
import { orderBy } from "./keyset";
import { makeRedaction, type Redaction } from "./redaction";
import { filterToSql } from "./to-sql";

const run = `r${randomBytes(4).toString("hex")}`;
const view = `redacted_${run}`;
let batchId: number;
let redaction: Redaction;

const filterOf = (params: Record<string, string>): EpisodeFilter => episodeFilterSchema.parse({ batch: String(batchId), ...params });

/** The reference: episodes with the withheld ones' review columns replaced, column by column. */
async function createRedactedView(ids: number[]) {
  const { rows } = await pool.query<{ name: string }>(
    `SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'episodes' ORDER BY ordinal_position`,
  );
  const withheld = `id = ANY(ARRAY[${ids.map((id) => Math.trunc(id)).join(",")}]::int[])`;
  const shown: Record<string, string> = {
    review_status: `CASE WHEN ${withheld} THEN 'pending'::"ReviewStatus" ELSE review_status END`,
    score: `CASE WHEN ${withheld} THEN NULL ELSE score END`,
    reviewed_at: `CASE WHEN ${withheld} THEN NULL ELSE reviewed_at END`,
    labels: `CASE WHEN ${withheld} THEN bulk_labels ELSE labels END`,
    annotators: `CASE WHEN ${withheld} THEN '{}'::text[] ELSE annotators END`,
  };
  const columns = rows.map(({ name }) => `${shown[name] ?? `"${name}"`} AS "${name}"`);
  await pool.query(`CREATE VIEW ${view} AS SELECT ${columns.join(", ")} FROM episodes`);
}

beforeAll(async () => {
  batchId = await seedSearchCorpus(run);
  await pool.query(
    `UPDATE episodes SET bulk_labels = CASE WHEN id % 3 = 1 THEN '{good}'::text[] ELSE '{}' END,
       labels = CASE WHEN id % 3 = 0 THEN '{good}'::text[] WHEN id % 3 = 1 THEN '{good,tricky}' ELSE '{tricky}' END,
       review_labels = CASE WHEN id % 3 = 1 THEN '{good,tricky}'::text[] ELSE labels END,
       score = CASE WHEN id % 4 = 0 THEN NULL ELSE (id % 5) / 4.0 END,
       reviewed_at = now() - (id % 3) * interval '1 day',
       annotators = CASE WHEN id % 2 = 0 THEN ARRAY['${run}-ann-a'] ELSE ARRAY['${run}-ann-a', '${run}-ann-b'] END
     WHERE import_batch_id = $1`,
    [batchId],
  );
  const { rows } = await pool.query<{ id: number; bulkLabels: string[] }>(
    `SELECT id, bulk_labels AS "bulkLabels" FROM episodes WHERE import_batch_id = $1 AND (id % 2 = 1 OR review_status = 'approved') ORDER BY id`,
    [batchId],
  );
  redaction = makeRedaction(rows)!;
  await createRedactedView(redaction.ids);
});
afterAll(async () => {
  await pool.query(`DROP VIEW IF EXISTS ${view}`);
  await disconnect();
});

/** The reference list: the view, filtered and sorted the plain way. */
async function referenceIds(filter: EpisodeFilter): Promise<number[]> {
  const { where, params } = filterToSql(filter);
  const { rows } = await pool.query<{ id: number }>(`SELECT e.id FROM ${view} e WHERE ${where} ORDER BY ${orderBy(filter)}`, params);
  return rows.map((r) => r.id);
}

/** Every page of the list under the redaction, three rows at a time (so cursors cross withheld rows). */
async function listedIds(filter: EpisodeFilter): Promise<{ ids: number[]; total: number }> {
  const ids: number[] = [];
  let cursor: string | undefined;
  let total = -1;
  do {
    const page = await findEpisodes(filter, { cursor, limit: 3 }, redaction);
    total = page.total;
    ids.push(...page.items.map((item) => item.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return { ids, total };
}

const filters: [string, Record<string, string>][] = [
  ["nothing else", {}],
  ["review pending (what withheld episodes show)", { review: "pending" }],
  ["review approved", { review: "approved" }],
  ["review approved or rejected", { review: "approved,rejected" }],
  ["a judgment label", { label: "tricky" }],
  ["a bulk label", { label: "good" }],
  ["annotator", { annotator: `${run}-ann-b` }],
  ["score range", { score: "0.2..0.9" }],
  ["score from zero", { score: "0.." }],
  ["sorted by score, best first", { sort: "score" }],
  ["sorted by score, worst first", { sort: "score", dir: "asc" }],
  ["score sort with a label", { sort: "score", label: "good" }],
  ["with full text (SQL)", { q: "bug", review: "pending" }],
  ["with a path (SQL)", { path: "src/", label: "tricky" }],
  ["other facets", { model: `${run}/alpha`, exit: "submitted,limit" }],
];

describe("under a redaction, the list and the index read withheld episodes as unjudged", () => {
  it("withholds a mix of episodes, some of them approved", async () => {
    const approved = await pool.query(`SELECT 1 FROM episodes WHERE id = ANY($1::int[]) AND review_status = 'approved'`, [redaction.ids]);
    expect(approved.rows.length).toBeGreaterThan(0);
    expect((await referenceIds(filterOf({}))).length).toBeGreaterThan(redaction.ids.length);
  });

  it.each(filters)("%s", async (_name, params) => {
    const filter = filterOf(params);
    const [fromIndex, fromSql, list, reference, matched] = await Promise.all([
      facetCounts(filter, redaction),
      sqlFacetCounts(filter, view),
      listedIds(filter),
      referenceIds(filter),
      matchedSlots(filter, redaction),
    ]);
    expect(comparableCounts(fromIndex)).toEqual(comparableCounts(fromSql));
    expect(list).toEqual({ ids: reference, total: reference.length });
    expect(matched.slots.length).toBe(reference.length);
  });

  it("shows withheld rows as unjudged and leaves the others as stored", async () => {
    const { items } = await findEpisodes(filterOf({}), { limit: 500 }, redaction);
    const stored = await pool.query<{ id: number; reviewStatus: string; score: number | null; labels: string[] }>(
      `SELECT id, review_status AS "reviewStatus", score, labels FROM episodes WHERE import_batch_id = $1`,
      [batchId],
    );
    for (const row of stored.rows) {
      const item = items.find((i) => i.id === row.id)!;
      if (redaction.bulkLabels.has(row.id)) expect(item).toMatchObject({ reviewStatus: "pending", score: null, labels: redaction.bulkLabels.get(row.id) });
      else expect(item).toMatchObject({ reviewStatus: row.reviewStatus, score: row.score, labels: row.labels });
    }
  });

  it("keeps the plain answers for callers without a redaction", async () => {
    const filter = filterOf({ review: "approved" });
    expect(comparableCounts(await facetCounts(filter))).toEqual(comparableCounts(await sqlFacetCounts(filter)));
    expect((await facetCounts(filter)).total).toBeGreaterThan((await facetCounts(filter, redaction)).total);
  });
});
