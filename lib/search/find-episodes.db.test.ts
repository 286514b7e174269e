import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnect, pool, prisma } from "@/lib/db";
import { seedSearchCorpus, MINI_COUNT, R2E_COUNT } from "@/lib/testing/search-corpus";
import { countEpisodes } from "./count";
import { episodeFilterSchema, sortKeys, sortDirections, type EpisodeFilter } from "./filter";
import { findEpisodes } from "./find-episodes";
import { filterToSql } from "./to-sql";

const run = `s${randomBytes(4).toString("hex")}`;
let batchId: number;
type Row = Awaited<ReturnType<typeof loadRows>>[number];
let rows: Row[];

async function loadRows() {
  const episodes = await prisma.episode.findMany({ where: { importBatchId: batchId }, include: { content: { select: { goldPatch: true, taskText: true, finalPatch: true } } } });
  const tools = await prisma.step.findMany({ where: { episodeId: { in: episodes.map((e) => e.id) } }, select: { episodeId: true, toolName: true } });
  return episodes.map((e) => ({ ...e, tools: new Set(tools.filter((t) => t.episodeId === e.id).map((t) => t.toolName)) }));
}

/** The filter scoped to this test's batch, as the API would parse it. */
function filterOf(params: Record<string, string>): EpisodeFilter {
  return episodeFilterSchema.parse({ batch: String(batchId), ...params });
}

async function allIds(filter: EpisodeFilter, limit = 4): Promise<number[]> {
  const ids: number[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 50; page++) {
    const result = await findEpisodes(filter, { cursor, limit });
    ids.push(...result.items.map((item) => item.id));
    if (!result.nextCursor) return ids;
    cursor = result.nextCursor;
  }
  throw new Error("paging did not end");
}

const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);
const idsWhere = (pick: (row: Row) => boolean) => sorted(rows.filter(pick).map((r) => r.id));

beforeAll(async () => {
  batchId = await seedSearchCorpus(run);
  // Labels and scores arrive with review; set some here so their filters and sort have data.
  await pool.query(
    `UPDATE episodes SET labels = CASE WHEN id % 3 = 0 THEN '{good}'::text[] WHEN id % 3 = 1 THEN '{good,tricky}' ELSE '{}' END,
       score = CASE WHEN id % 4 = 0 THEN NULL ELSE (id % 5) / 10.0 + 0.3 END
     WHERE import_batch_id = $1`,
    [batchId],
  );
  rows = await loadRows();
});
afterAll(() => disconnect());

describe("findEpisodes filters", () => {
  it("lists the whole batch with an exact total", async () => {
    const result = await findEpisodes(filterOf({}), { limit: 100 });
    expect(result.total).toBe(MINI_COUNT + R2E_COUNT);
    expect(result.isTotalEstimated).toBe(false);
    expect(result.nextCursor).toBeNull();
    expect(result.items[0]).toMatchObject({ sourceFormat: expect.any(String), hasGoldPatch: expect.any(Boolean), snippet: null });
    expect(result.items[0].createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  const cases: [string, Record<string, string>, (row: Row) => boolean][] = [
    ["source", { source: "r2e-gym" }, (r) => r.sourceFormat === "r2e-gym"],
    ["repo", { repo: `${run}/r2e-repo` }, (r) => r.repo === `${run}/r2e-repo`],
    ["agent", { agent: "mini-swe-agent" }, (r) => r.agent === "mini-swe-agent"],
    ["model (OR)", { model: `${run}/alpha,${run}/gamma` }, (r) => r.model === `${run}/alpha` || r.model === `${run}/gamma`],
    ["exit", { exit: "limit" }, (r) => r.exitStatusClass === "limit"],
    ["resolved", { resolved: "true" }, (r) => r.resolved === true],
    ["resolved unknown", { resolved: "false,unknown" }, (r) => r.resolved !== true],
    ["review", { review: "approved,rejected" }, (r) => r.reviewStatus === "approved" || r.reviewStatus === "rejected"],
    ["flag (all of)", { flag: "stuck_loop,secret" }, (r) => r.qualityFlags.includes("stuck_loop") && r.qualityFlags.includes("secret")],
    ["instance", { instance: `${run}__search-3` }, (r) => r.instanceId === `${run}__search-3`],
    ["facets AND", { model: `${run}/alpha`, review: "approved" }, (r) => r.model === `${run}/alpha` && r.reviewStatus === "approved"],
    ["steps range", { steps: "5..7" }, (r) => r.stepCount >= 5 && r.stepCount <= 7],
    ["steps open max", { steps: "8.." }, (r) => r.stepCount >= 8],
    ["tokens open min", { tokens: "..60" }, (r) => r.tokenCount <= 60],
    ["cost", { cost: "0.2..0.4" }, (r) => r.costUsd !== null && r.costUsd >= 0.2 && r.costUsd <= 0.4],
    ["patch", { patch: "1.." }, (r) => r.patchBytes >= 1],
    ["files", { files: "1..1" }, (r) => r.filesTouched === 1],
    ["tool", { tool: "file_editor" }, (r) => r.tools.has("file_editor")],
    ["tool (OR)", { tool: `finish,missing${run}` }, (r) => r.tools.has("finish")],
    ["label", { label: "tricky" }, (r) => (r.labels ?? []).includes("tricky")],
    ["label (OR)", { label: `tricky,missing${run}` }, (r) => (r.labels ?? []).includes("tricky")],
    ["score", { score: "0.5..1" }, (r) => r.score !== null && r.score >= 0.5],
    ["path substring", { path: "src/mod" }, (r) => /src\/mod/.test(r.touchedPaths)],
    ["path glob", { path: "src/mod?.py" }, (r) => /(^|\n)src\/mod.\.py($|\n)/.test(r.touchedPaths)],
    ["path glob is whole-path", { path: "mod*.py" }, () => false],
    ["substring in task text", { text: "ug number 1" }, (r) => /ug number 1/.test(r.content?.taskText ?? "")],
    ["substring in patch, case-insensitive", { text: `PATCHED${run}X` }, (r) => (r.content?.finalPatch ?? "").toLowerCase().includes(`patched${run}x`.toLowerCase())],
    ["has_tests", { has_tests: "true" }, (r) => r.f2pPass !== null || r.p2pPass !== null],
    ["has_tests false", { has_tests: "false" }, (r) => r.f2pPass === null && r.p2pPass === null],
    ["has_gold", { has_gold: "true" }, (r) => /\S/.test(r.content?.goldPatch ?? "")],
    ["has_gold false", { has_gold: "false" }, (r) => !/\S/.test(r.content?.goldPatch ?? "")],
  ];
  it.each(cases)("%s", async (_name, params, expected) => {
    const want = idsWhere(expected);
    if (_name !== "path glob is whole-path") expect(want.length, "the corpus must exercise this filter").toBeGreaterThan(0);
    expect(want.length, "the filter must exclude something").toBeLessThan(rows.length);
    const result = await findEpisodes(filterOf(params), { limit: 100 });
    expect(sorted(result.items.map((i) => i.id))).toEqual(want);
    expect(result.total).toBe(want.length);
  });

  it("kind", async () => {
    expect((await findEpisodes(filterOf({ kind: "environmental" }))).total).toBe(rows.length);
    expect((await findEpisodes(filterOf({ kind: "contextual" }))).items).toEqual([]);
  });

  it("fills has_gold_patch at import (a blank gold patch is no gold patch)", () => {
    expect(rows.filter((r) => r.hasGoldPatch).map((r) => r.instanceId).sort()).toEqual([`${run}__r2e-1`, `${run}__r2e-2`]);
  });

  it("full text matches task text and final patch, with a marked plain-text snippet", async () => {
    const byTask = await findEpisodes(filterOf({ q: `zebra${run}frobnicate` }));
    expect(byTask.items.map((i) => i.instanceId).sort()).toEqual([`${run}__search-2`, `${run}__search-5`]);
    expect(byTask.items[0].snippet).toContain(`⟦zebra${run}frobnicate⟧`);
    expect(byTask.items[0].snippet).not.toMatch(/<b>/);
    const byPatch = await findEpisodes(filterOf({ q: `patched${run}x4` }));
    expect(byPatch.items.map((i) => i.instanceId)).toEqual([`${run}__search-4`]);
    const phrase = await findEpisodes(filterOf({ q: `"bug number 5" -nothing` }));
    expect(phrase.items.map((i) => i.instanceId)).toEqual([`${run}__search-5`]);
    expect((await findEpisodes(filterOf({ q: `'; DROP TABLE episodes; --` }))).items).toEqual([]);
  });

  it("full text matches step contents and says which step to jump to", async () => {
    const result = await findEpisodes(filterOf({ q: `kangaroo${run}quux` }));
    expect(result.items.map((i) => i.instanceId)).toEqual([`${run}__search-6`]);
    expect(result.items[0].snippet).toContain(`⟦kangaroo${run}quux⟧`);
    const steps = await pool.query<{ idx: number }>(`SELECT idx FROM steps WHERE episode_id = $1 AND text LIKE $2`, [result.items[0].id, `%kangaroo${run}%`]);
    expect(result.items[0].snippetStep).toBe(steps.rows[0].idx);
    // The task text is also the first user message, so a task match jumps to that step.
    const byTask = await findEpisodes(filterOf({ q: `zebra${run}frobnicate` }));
    const taskStep = await pool.query<{ text: string }>(`SELECT text FROM steps WHERE episode_id = $1 AND idx = $2`, [byTask.items[0].id, byTask.items[0].snippetStep]);
    expect(taskStep.rows[0].text).toContain(`zebra${run}frobnicate`);
    const byPatch = await findEpisodes(filterOf({ q: `patched${run}x4` }));
    expect(byPatch.items[0].snippetStep).toBeNull();
  });
});

describe("findEpisodes sorting and keyset paging", () => {
  const field = { created: "createdAt", steps: "stepCount", tokens: "tokenCount", cost: "costUsd", patch: "patchBytes", score: "score", id: "id" } as const;

  function expectedOrder(sort: (typeof sortKeys)[number], dir: "asc" | "desc"): number[] {
    const sign = dir === "asc" ? 1 : -1;
    const key = (row: Row) => {
      const value = row[field[sort]];
      return value instanceof Date ? value.getTime() : value;
    };
    return [...rows]
      .sort((a, b) => {
        const [x, y] = [key(a), key(b)];
        if (x !== y) {
          if (x === null) return 1; // unknown cost last in both directions
          if (y === null) return -1;
          return sign * (x < y ? -1 : 1);
        }
        return sign * (a.id - b.id);
      })
      .map((r) => r.id);
  }

  for (const sort of sortKeys)
    for (const dir of sortDirections)
      it(`sort=${sort} dir=${dir} pages through every row exactly once, in order`, async () => {
        const ids = await allIds(filterOf({ sort, dir }), 4);
        expect(ids).toEqual(expectedOrder(sort, dir));
      });

  it("has ties to break and a null cost to place", () => {
    expect(new Set(rows.map((r) => r.stepCount)).size).toBeLessThan(rows.length);
    expect(rows.some((r) => r.costUsd === null)).toBe(true);
  });

  it("ignores a cursor from another sort (page one)", async () => {
    const first = await findEpisodes(filterOf({ sort: "steps" }), { limit: 3 });
    const other = await findEpisodes(filterOf({ sort: "tokens" }), { limit: 3, cursor: first.nextCursor! });
    const pageOne = await findEpisodes(filterOf({ sort: "tokens" }), { limit: 3 });
    expect(other.items.map((i) => i.id)).toEqual(pageOne.items.map((i) => i.id));
  });
});

describe("total", () => {
  it("caps the count instead of counting everything", async () => {
    const { where, params } = filterToSql(filterOf({}));
    const estimated = await countEpisodes(where, params, 5);
    expect(estimated.isTotalEstimated).toBe(true);
    expect(estimated.total).toBeGreaterThanOrEqual(6);
    expect(await countEpisodes(where, params, 100)).toEqual({ total: rows.length, isTotalEstimated: false });
  });

  it("counts with a LIMIT subquery the planner can stop early", async () => {
    const plan = await pool.query(`EXPLAIN SELECT count(*) FROM (SELECT 1 FROM episodes e WHERE TRUE LIMIT 100001) AS capped`);
    expect(plan.rows.map((r) => r["QUERY PLAN"]).join("\n")).toMatch(/Limit/);
  });
});
