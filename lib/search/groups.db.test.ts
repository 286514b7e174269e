import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getGroups } from "@/app/api/episodes/groups/route";
import { GET as getMatrix } from "@/app/api/episodes/matrix/route";
import { createApiKey } from "@/lib/auth/api-keys";
import { disconnect, prisma } from "@/lib/db";
import { importFiles } from "@/lib/ingest/import-files";
import { episodeFilterSchema, type EpisodeFilter } from "./filter";
import { findGroups, instanceModelMatrix, type InstanceModelMatrix, type RolloutGroup } from "./groups";

const run = `g${randomBytes(4).toString("hex")}`;
const models = Array.from({ length: 23 }, (_, i) => `${run}/m${String(i).padStart(2, "0")}`);
/** Attempts per small instance: ties on attempts, so the instance id has to break them. */
const smallAttempts = [4, 4, 3, 3, 3, 2, 2, 1, 1, 1, 1, 1];
const BIG_ATTEMPTS = 52;

let batchId: number;
let key: string;
type Row = { id: number; instanceId: string | null; repo: string | null; model: string | null; resolved: boolean | null };
let rows: Row[];

/** An R2E-Gym rollout: instance, model and reward as given (reward 1 resolves, 0 fails, none is unknown). */
function rollout(n: number, { instance, model, reward, repo }: { instance?: string; model?: string; reward?: number; repo: string }): string {
  return JSON.stringify({
    trajectory_steps: [{ step_idx: 0, thought: "Look.", action: "<function=finish>\n  <parameter=command>submit</parameter>\n</function>", observation: "done" }],
    ds: { ...(instance ? { instance_id: instance } : {}), repo },
    problem_statement: `Group task ${run} #${n}`,
    ...(model ? { agent_args: { llm_name: model } } : {}),
    exit_reason: "agent",
    ...(reward === undefined ? {} : { reward }),
  });
}

function corpus(): string[] {
  const lines: string[] = [];
  const rewardOf = (k: number) => [1, 0, undefined][k % 3];
  // The big group: more attempts than a group lists ids for, on the first four models.
  for (let j = 0; j < BIG_ATTEMPTS; j++)
    lines.push(rollout(lines.length, { instance: `${run}__big`, model: models[j % 4], reward: rewardOf(j), repo: `${run}/repo-big` }));
  smallAttempts.forEach((attempts, i) => {
    for (let j = 0; j < attempts; j++)
      lines.push(rollout(lines.length, { instance: `${run}__i${String(i).padStart(2, "0")}`, model: models[(4 + i * 2 + j) % 23], reward: rewardOf(i + j), repo: `${run}/repo-${i % 2}` }));
  });
  // Every model beyond the big group's gets at least one episode, so there are more than 20.
  models.forEach((model, i) => lines.push(rollout(lines.length, { instance: `${run}__each`, model, reward: rewardOf(i), repo: `${run}/repo-0` })));
  // No model (falls under "other"), and no instance id (in no group).
  lines.push(rollout(lines.length, { instance: `${run}__i03`, reward: 1, repo: `${run}/repo-1` }));
  lines.push(rollout(lines.length, { model: models[0], reward: 1, repo: `${run}/repo-0` }));
  lines.push(rollout(lines.length, { model: models[1], repo: `${run}/repo-1` }));
  return lines;
}

beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "atelier-groups-test-"));
  try {
    const file = path.join(dir, `${run}-rollouts.jsonl`);
    const lines = corpus();
    fs.writeFileSync(file, lines.join("\n") + "\n");
    const summary = await importFiles([{ path: file }], { source: "cli" });
    if (summary.status !== "committed" || summary.imported !== lines.length) throw new Error(`seed import failed: ${JSON.stringify(summary.errors)}`);
    batchId = summary.batchId;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  rows = await prisma.episode.findMany({
    where: { importBatchId: batchId },
    select: { id: true, instanceId: true, repo: true, model: true, resolved: true },
    orderBy: { id: "asc" },
  });
  key = (await createApiKey({ name: `groups-test-${run}`, role: "viewer" })).key;
});
afterAll(() => disconnect());

function filterOf(params: Record<string, string> = {}): EpisodeFilter {
  return episodeFilterSchema.parse({ batch: String(batchId), ...params });
}

/** Bytewise, like the database's COLLATE "C" (the ids are ASCII). */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The groups computed here from the rows, independently of the SQL. */
function expectedGroups(matching: Row[]): RolloutGroup[] {
  const byInstance = new Map<string, Row[]>();
  for (const row of matching) if (row.instanceId !== null) byInstance.set(row.instanceId, [...(byInstance.get(row.instanceId) ?? []), row]);
  return [...byInstance]
    .map(([instanceId, group]) => ({
      instanceId,
      repo: group.map((r) => r.repo).filter((r) => r !== null).sort(byText)[0] ?? null,
      attempts: group.length,
      resolved: group.filter((r) => r.resolved === true).length,
      unresolved: group.filter((r) => r.resolved === false).length,
      unknown: group.filter((r) => r.resolved === null).length,
      models: [...new Set(group.flatMap((r) => (r.model === null ? [] : [r.model])))].sort(byText),
      episodeIds: group.map((r) => r.id).sort((a, b) => a - b).slice(0, 50),
    }))
    .sort((a, b) => b.attempts - a.attempts || byText(a.instanceId, b.instanceId));
}

async function allGroups(filter: EpisodeFilter, limit: number) {
  const items: RolloutGroup[] = [];
  const totals = new Set<number>();
  let cursor: string | undefined;
  for (let page = 0; page < 100; page++) {
    const result = await findGroups(filter, { cursor, limit });
    expect(result.items.length).toBeLessThanOrEqual(limit);
    items.push(...result.items);
    totals.add(result.total);
    if (!result.nextCursor) return { items, totals: [...totals] };
    cursor = result.nextCursor;
  }
  throw new Error("paging did not end");
}

describe("findGroups", () => {
  it("pages through every group exactly once, most attempts first, ties by instance id", async () => {
    const want = expectedGroups(rows);
    expect(want.length).toBeGreaterThan(10);
    expect(rows.some((r) => r.instanceId === null), "the corpus must have episodes in no group").toBe(true);
    for (const limit of [1, 3, 50]) {
      const { items, totals } = await allGroups(filterOf(), limit);
      expect(items).toEqual(want);
      expect(totals).toEqual([want.length]);
    }
  });

  it("counts outcomes and lists at most 50 episode ids, the smallest", async () => {
    const { items } = await findGroups(filterOf(), { limit: 1 });
    const big = rows.filter((r) => r.instanceId === `${run}__big`);
    expect(items[0]).toMatchObject({ instanceId: `${run}__big`, attempts: BIG_ATTEMPTS, repo: `${run}/repo-big`, models: models.slice(0, 4) });
    expect(items[0].resolved + items[0].unresolved + items[0].unknown).toBe(BIG_ATTEMPTS);
    expect([items[0].resolved, items[0].unresolved, items[0].unknown]).toEqual([18, 17, 17]);
    expect(items[0].episodeIds).toEqual(big.map((r) => r.id).slice(0, 50));
  });

  const filters: [string, Record<string, string>, (row: Row) => boolean][] = [
    ["resolved", { resolved: "true" }, (r) => r.resolved === true],
    ["resolved unknown", { resolved: "unknown" }, (r) => r.resolved === null],
    ["model (OR)", { model: `${models[1]},${models[7]}` }, (r) => r.model === models[1] || r.model === models[7]],
    ["repo", { repo: `${run}/repo-1` }, (r) => r.repo === `${run}/repo-1`],
    ["instance", { instance: `${run}__i00,${run}__i05` }, (r) => r.instanceId === `${run}__i00` || r.instanceId === `${run}__i05`],
  ];
  it.each(filters)("applies the filter: %s", async (_name, params, keep) => {
    const want = expectedGroups(rows.filter(keep));
    expect(want.length, "the corpus must exercise this filter").toBeGreaterThan(0);
    expect(rows.filter(keep).length, "the filter must exclude something").toBeLessThan(rows.length);
    const { items, totals } = await allGroups(filterOf(params), 2);
    expect(items).toEqual(want);
    expect(totals).toEqual([want.length]);
  });

  it("answers an empty page for a filter nothing matches", async () => {
    expect(await findGroups(filterOf({ model: `${run}/nobody` }))).toEqual({ items: [], nextCursor: null, total: 0 });
  });

  it("still counts the groups on a page past the end (a cursor gone stale)", async () => {
    const pastTheEnd = Buffer.from(JSON.stringify(["instance-groups", 0, "~"])).toString("base64url");
    expect(await findGroups(filterOf(), { cursor: pastTheEnd })).toEqual({ items: [], nextCursor: null, total: expectedGroups(rows).length });
  });

  it("treats a cursor that is not ours as page one", async () => {
    const pageOne = await findGroups(filterOf(), { limit: 2 });
    for (const cursor of ["garbage", Buffer.from(JSON.stringify(["created.desc", 1, 2])).toString("base64url")])
      expect(await findGroups(filterOf(), { limit: 2, cursor })).toEqual(pageOne);
  });
});

/** The matrix computed here from the rows. */
function expectedMatrix(matching: Row[]): Omit<InstanceModelMatrix, "nextCursor"> {
  const inGroups = matching.filter((r) => r.instanceId !== null);
  const counts = new Map<string, number>();
  for (const row of inGroups) if (row.model !== null) counts.set(row.model, (counts.get(row.model) ?? 0) + 1);
  const ranked = [...counts].sort(([a, x], [b, y]) => y - x || byText(a, b)).map(([model]) => model);
  const top = ranked.slice(0, 20);
  const hasOther = ranked.length > 20 || inGroups.some((r) => r.model === null);
  const rowsOut = expectedGroups(matching).map(({ instanceId, repo }) => {
    const cells: InstanceModelMatrix["rows"][number]["cells"] = {};
    for (const row of inGroups.filter((r) => r.instanceId === instanceId)) {
      const column = row.model !== null && top.includes(row.model) ? row.model : "other";
      const cell = (cells[column] ??= { attempts: 0, resolved: 0, unresolved: 0 });
      cell.attempts++;
      if (row.resolved === true) cell.resolved++;
      if (row.resolved === false) cell.unresolved++;
    }
    return { instanceId, repo, cells };
  });
  return { models: hasOther ? [...top, "other"] : top, rows: rowsOut, totalInstances: rowsOut.length };
}

async function wholeMatrix(filter: EpisodeFilter, limit: number) {
  const pages: InstanceModelMatrix[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 100; page++) {
    const result = await instanceModelMatrix(filter, { cursor, limit });
    pages.push(result);
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  expect(new Set(pages.map((p) => JSON.stringify(p.models))).size, "columns stay put across pages").toBe(1);
  return { models: pages[0].models, rows: pages.flatMap((p) => p.rows), totalInstances: pages[0].totalInstances };
}

describe("instanceModelMatrix", () => {
  it("has the 20 models with most episodes then other, and a cell per instance and model", async () => {
    const want = expectedMatrix(rows);
    expect(want.models).toHaveLength(21);
    expect([...want.models.slice(0, 4)].sort(byText)).toEqual(models.slice(0, 4));
    expect(await wholeMatrix(filterOf(), 4)).toEqual(want);
    const pageOne = await instanceModelMatrix(filterOf());
    expect(pageOne.rows).toHaveLength(want.rows.length);
    expect(pageOne.nextCursor).toBeNull();
  });

  it("drops the other column when the filter leaves few models, and applies the filter to cells", async () => {
    const params = { model: `${models[2]},${models[9]}`, resolved: "true,false" };
    const want = expectedMatrix(rows.filter((r) => (r.model === models[2] || r.model === models[9]) && r.resolved !== null));
    expect(want.models).toEqual([models[2], models[9]]);
    expect(await wholeMatrix(filterOf(params), 2)).toEqual(want);
  });
});

describe("GET /api/episodes/groups and /api/episodes/matrix", () => {
  const noParams = { params: Promise.resolve({}) };
  const call = (handler: typeof getGroups, url: string, auth = true) =>
    handler(new Request(`http://test${url}`, { headers: auth ? { authorization: `Bearer ${key}` } : {} }), noParams);

  it("answers the filtered, paged groups and matrix", async () => {
    const groups = await call(getGroups, `/api/episodes/groups?batch=${batchId}&repo=${run}/repo-1&limit=2`);
    expect(groups.status).toBe(200);
    const want = expectedGroups(rows.filter((r) => r.repo === `${run}/repo-1`));
    expect(await groups.json()).toMatchObject({ items: want.slice(0, 2), total: want.length, nextCursor: expect.any(String) });
    const matrix = await call(getMatrix, `/api/episodes/matrix?batch=${batchId}&instance=${run}__big`);
    expect(await matrix.json()).toEqual({ ...expectedMatrix(rows.filter((r) => r.instanceId === `${run}__big`)), nextCursor: null });
  });

  it("refuses unknown parameters, bad limits and anonymous callers", async () => {
    for (const handler of [getGroups, getMatrix]) {
      const name = handler === getGroups ? "groups" : "matrix";
      expect((await call(handler, `/api/episodes/${name}?colour=red`)).status).toBe(422);
      expect((await call(handler, `/api/episodes/${name}?limit=0`)).status).toBe(422);
      expect((await call(handler, `/api/episodes/${name}`, false)).status).toBe(401);
    }
  });
});
