import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnect, pool } from "@/lib/db";
import { seedSearchCorpus } from "@/lib/testing/search-corpus";
import { comparableCounts, sqlFacetCounts } from "@/lib/testing/sql-facets";
import { facetCounts, indexTotal } from "../facets";
import { episodeFilterSchema, type EpisodeFilter } from "../filter";

const run = `c${randomBytes(4).toString("hex")}`;
let batchId: number;

/** The filter scoped to this test's batch (other test files write to the same database). */
const filterOf = (params: Record<string, string>): EpisodeFilter => episodeFilterSchema.parse({ batch: String(batchId), ...params });

beforeAll(async () => {
  batchId = await seedSearchCorpus(run);
  // Review columns arrive with the review issue; give them values so every facet has data.
  await pool.query(
    `UPDATE episodes SET labels = CASE WHEN id % 3 = 0 THEN '{good}'::text[] WHEN id % 3 = 1 THEN '{good,tricky}' ELSE '{}' END,
       score = CASE WHEN id % 4 = 0 THEN NULL ELSE (id % 5) / 4.0 END,
       annotators = CASE WHEN id % 2 = 0 THEN ARRAY['${run}-ann-a'] ELSE ARRAY['${run}-ann-a', '${run}-ann-b'] END
     WHERE import_batch_id = $1`,
    [batchId],
  );
});
afterAll(() => disconnect());

const filters: [string, Record<string, string>][] = [
  ["nothing else", {}],
  ["one facet", { model: `${run}/alpha` }],
  ["two facets", { model: `${run}/alpha,${run}/beta`, review: "pending" }],
  ["resolved with unknown", { resolved: "false,unknown" }],
  ["flags (all of)", { flag: "stuck_loop" }],
  ["two flags (all of)", { flag: "stuck_loop,secret" }],
  ["labels (any of)", { label: "tricky" }],
  ["annotator", { annotator: `${run}-ann-b` }],
  ["tool", { tool: "file_editor" }],
  ["a value nobody has", { model: `nobody${run}` }],
  ["ranges", { steps: "3..7", cost: "0.1..", score: "..0.6" }],
  ["booleans", { has_tests: "false", has_gold: "false" }],
  ["instance", { instance: `${run}__search-3,${run}__r2e-1` }],
  ["full text (SQL)", { q: `parser` }],
  ["touched path (SQL)", { path: "src/mod*.py" }],
  ["substring (SQL)", { text: "number 1" }],
  ["everything at once", { source: "mini-swe-agent", exit: "submitted,limit", label: "good", steps: "2..", q: "bug", path: "src/" }],
];

describe("the in-memory index agrees with SQL", () => {
  it.each(filters)("%s", async (_name, params) => {
    const filter = filterOf(params);
    const [fromIndex, fromSql] = await Promise.all([facetCounts(filter), sqlFacetCounts(filter)]);
    expect(comparableCounts(fromIndex)).toEqual(comparableCounts(fromSql));
    if (!params.q && !params.path && !params.text) expect(await indexTotal(filter)).toBe(fromSql.total);
  });

  it("exercises most filters with a non-empty result", async () => {
    const totals = await Promise.all(filters.map(([, params]) => sqlFacetCounts(filterOf(params)).then((c) => c.total)));
    expect(totals.filter((t) => t > 0).length).toBeGreaterThanOrEqual(filters.length - 2);
  });

  it("names annotators", async () => {
    const { facets } = await facetCounts(filterOf({}));
    expect(facets.annotator.map((a) => a.label)).toEqual(expect.arrayContaining([`${run}-ann-a`]));
  });
});

describe("the index follows every write at once", () => {
  it("sees updates, deletes and inserts on the next request", async () => {
    const filter = filterOf({});
    const before = await facetCounts(filter);
    const { rows } = await pool.query<{ id: number }>(`SELECT id FROM episodes WHERE import_batch_id = $1 ORDER BY id LIMIT 2`, [batchId]);
    await pool.query(`UPDATE episodes SET labels = '{freshly-labelled}' WHERE id = $1`, [rows[0].id]);
    expect((await facetCounts(filter)).facets.label).toContainEqual({ value: "freshly-labelled", count: 1 });

    await pool.query(`DELETE FROM episodes WHERE id = $1`, [rows[1].id]);
    expect((await facetCounts(filter)).total).toBe(before.total - 1);

    // A transaction that started before the index synced and commits after must not be missed.
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      await client.query(`UPDATE episodes SET model = $2 WHERE id = $1`, [rows[0].id, `${run}/late`]);
      expect((await facetCounts(filter)).facets.model.map((m) => m.value)).not.toContain(`${run}/late`);
      await client.query("COMMIT");
    } finally {
      client.release();
    }
    expect((await facetCounts(filter)).facets.model).toContainEqual({ value: `${run}/late`, count: 1 });
    expect(comparableCounts(await facetCounts(filter))).toEqual(comparableCounts(await sqlFacetCounts(filter)));
  });
});
