import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/auth/api-keys";
import type { Role } from "@/lib/auth/roles";
import { listAudit } from "@/lib/audit/record";
import { disconnect, pool, prisma } from "@/lib/db";
import { parseEpisodeFilter, toSearchParams } from "@/lib/search/filter";
import { MINI_COUNT, R2E_COUNT, seedSearchCorpus } from "@/lib/testing/search-corpus";
import { POST as preview } from "./preview/route";
import { POST as bulk } from "./route";

const run = randomBytes(4).toString("hex");
const noParams = { params: Promise.resolve({}) };
const keys: Partial<Record<Role, string>> = {};
let batch: number;
let ids: number[];
/** Filters inside this test's batch only; `alpha` matches 4 of its 15 episodes. */
let all: string;
let alpha: string;

afterAll(() => disconnect());

beforeAll(async () => {
  batch = await seedSearchCorpus(`bulk${run}`);
  ids = (await prisma.episode.findMany({ where: { importBatchId: batch }, orderBy: { id: "asc" }, select: { id: true } })).map((e) => e.id);
  all = `batch=${batch}`;
  alpha = `batch=${batch}&model=bulk${run}/alpha`;
  for (const role of ["viewer", "annotator", "reviewer"] as const) keys[role] = (await createApiKey({ name: `bulk-${role}-${run}`, role })).key;
});

function post(handler: typeof bulk, body: unknown, role: Role = "reviewer") {
  return handler(
    new Request("http://test/api/episodes/bulk", { method: "POST", headers: { authorization: `Bearer ${keys[role]}`, "content-type": "application/json" }, body: JSON.stringify(body) }),
    noParams,
  );
}

async function countOf(query: string): Promise<number> {
  const response = await post(preview, { query });
  expect(response.status).toBe(200);
  return (await response.json()).count;
}

type Row = { id: number; labels: string[]; reviewStatus: string; reviewedAt: Date | null; updatedAt: Date };

async function rows(): Promise<Map<number, Row>> {
  const found = await prisma.episode.findMany({ where: { importBatchId: batch }, select: { id: true, labels: true, reviewStatus: true, reviewedAt: true, updatedAt: true } });
  return new Map(found.map((r) => [r.id, r]));
}

async function alphaIds(): Promise<number[]> {
  const found = await prisma.episode.findMany({ where: { importBatchId: batch, model: `bulk${run}/alpha` }, orderBy: { id: "asc" }, select: { id: true } });
  return found.map((r) => r.id);
}

async function lastBulkEvent() {
  const [event] = await listAudit({ targetType: "episodes", limit: 1 });
  return event;
}

function expectOthersUnchanged(before: Map<number, Row>, after: Map<number, Row>, changed: number[]) {
  for (const [id, row] of before) if (!changed.includes(id)) expect(after.get(id)).toEqual(row);
}

describe("bulk preview", () => {
  it("counts every match of the filter exactly, not a page", async () => {
    expect(await countOf(all)).toBe(MINI_COUNT + R2E_COUNT);
    expect(await countOf(`?${alpha}`)).toBe(4);
    expect(await countOf(`${all}&review=approved,rejected`)).toBe(4);
  });

  it("refuses a filter it cannot read (422) rather than dropping the bad part", async () => {
    const response = await post(preview, { query: `${alpha}&steps=lots` });
    expect(response.status).toBe(422);
    expect((await response.json()).error.code).toBe("invalid_request");
    expect((await post(preview, { query: `${alpha}&nonsense=1` })).status).toBe(422);
  });
});

describe("bulk actions", () => {
  it("adds a label to every match, deduplicated and sorted, and records one audit event", async () => {
    const targets = await alphaIds();
    await prisma.episode.update({ where: { id: targets[1] }, data: { labels: ["tricky", "zeta"], bulkLabels: ["tricky", "zeta"] } });
    await prisma.episode.update({ where: { id: ids.find((id) => !targets.includes(id))! }, data: { labels: ["keep"], bulkLabels: ["keep"] } });
    const before = await rows();

    const response = await post(bulk, { query: alpha, action: "label_add", label: " tricky ", expectedCount: 4 });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ affected: 4, changed: 3 });

    const after = await rows();
    expect(targets.map((id) => after.get(id)!.labels)).toEqual([["tricky"], ["tricky", "zeta"], ["tricky"], ["tricky"]]);
    for (const id of targets) expect(after.get(id)!.updatedAt.getTime()).toBeGreaterThan(before.get(id)!.updatedAt.getTime());
    expectOthersUnchanged(before, after, targets);

    const event = await lastBulkEvent();
    expect(event).toMatchObject({
      action: "episodes.bulk.label_add",
      actor: `key:bulk-reviewer-${run}`,
      targetId: null,
      meta: { query: toSearchParams(parseEpisodeFilter(new URLSearchParams(alpha))).toString(), count: 4 },
      before: { ids: targets, changedIds: targets.filter((id) => id !== targets[1]) },
      after: { label: "tricky" },
    });
  });

  it("removes a label from every match and only there", async () => {
    const targets = await alphaIds();
    const before = await rows();
    const response = await post(bulk, { query: `${all}&label=tricky`, action: "label_remove", label: "tricky", expectedCount: 4 });
    expect(await response.json()).toEqual({ affected: 4, changed: 4 });
    const after = await rows();
    expect(targets.map((id) => after.get(id)!.labels)).toEqual([[], ["zeta"], [], []]);
    expectOthersUnchanged(before, after, targets);
    expect(await lastBulkEvent()).toMatchObject({ action: "episodes.bulk.label_remove", meta: { count: 4 } });
  });

  it("sets the review status, stamping reviewed_at only where it changed, and keeps the previous statuses", async () => {
    const targets = await alphaIds();
    await prisma.episode.update({ where: { id: targets[0] }, data: { reviewStatus: "needs_changes", reviewedAt: new Date("2020-01-01T00:00:00Z") } });
    const before = await rows();
    const previous = targets.map((id) => before.get(id)!.reviewStatus);
    expect(previous).toContain("needs_changes");

    const response = await post(bulk, { query: alpha, action: "set_review", reviewStatus: "needs_changes", expectedCount: 4 });
    expect(await response.json()).toEqual({ affected: 4, changed: 3 });
    const after = await rows();
    expect(targets.map((id) => after.get(id)!.reviewStatus)).toEqual(["needs_changes", "needs_changes", "needs_changes", "needs_changes"]);
    expect(after.get(targets[0])!.reviewedAt).toEqual(new Date("2020-01-01T00:00:00Z"));
    for (const id of targets.slice(1)) expect(after.get(id)!.reviewedAt!.getTime()).toBeGreaterThan(before.get(id)!.updatedAt.getTime() - 1);
    for (const id of targets) expect(after.get(id)!.updatedAt.getTime()).toBeGreaterThan(before.get(id)!.updatedAt.getTime());
    expectOthersUnchanged(before, after, targets);

    const event = await lastBulkEvent();
    const byStatus: Record<string, number[]> = {};
    targets.forEach((id, i) => (byStatus[previous[i]] ??= []).push(id));
    expect(event).toMatchObject({ action: "episodes.bulk.set_review", before: { ids: targets, reviewStatus: byStatus }, after: { reviewStatus: "needs_changes" } });
  });

  it("refuses with 409 when the filter now matches a different count, and changes nothing", async () => {
    const before = await rows();
    const eventBefore = await lastBulkEvent();
    const response = await post(bulk, { query: alpha, action: "label_add", label: "late", expectedCount: 3 });
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({
      error: { code: "conflict", message: "The filter now matches 4 episodes, not 3. Check and confirm again.", details: { count: 4 } },
    });
    expect(await rows()).toEqual(before);
    expect(await lastBulkEvent()).toEqual(eventBefore);
  });

  it("is one transaction: a failure after the rows changed leaves every row as it was", async () => {
    const query = `${alpha}&review=needs_changes`;
    const canonical = toSearchParams(parseEpisodeFilter(new URLSearchParams(query))).toString();
    const trigger = `bulk_test_fail_${run}`;
    await pool.query(
      `CREATE FUNCTION ${trigger}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
         IF NEW.meta->>'query' = '${canonical}' THEN RAISE EXCEPTION 'audit refused by the test'; END IF; RETURN NEW; END $$`,
    );
    await pool.query(`CREATE TRIGGER ${trigger} BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION ${trigger}()`);
    try {
      const before = await rows();
      const response = await post(bulk, { query, action: "set_review", reviewStatus: "approved", expectedCount: 4 });
      expect(response.status).toBe(500);
      expect(await rows()).toEqual(before);
    } finally {
      await pool.query(`DROP TRIGGER ${trigger} ON audit_events`);
      await pool.query(`DROP FUNCTION ${trigger}()`);
    }
  });

  it("deletes every match (steps and contents with them) and records their ids", async () => {
    const targets = await alphaIds();
    const before = await rows();
    const response = await post(bulk, { query: alpha, action: "delete", expectedCount: 4 });
    expect(await response.json()).toEqual({ affected: 4, changed: 4 });
    const after = await rows();
    expect([...after.keys()].sort((a, b) => a - b)).toEqual(ids.filter((id) => !targets.includes(id)));
    expectOthersUnchanged(before, after, targets);
    expect(await prisma.step.count({ where: { episodeId: { in: targets } } })).toBe(0);
    expect(await lastBulkEvent()).toMatchObject({ action: "episodes.bulk.delete", before: { ids: targets }, after: null, meta: { count: 4 } });
    expect(await countOf(alpha)).toBe(0);
  });

  it("validates labels: trimmed, 1-64 characters, no commas", async () => {
    for (const label of ["a,b", "   ", "x".repeat(65)]) {
      const response = await post(bulk, { query: all, action: "label_add", label, expectedCount: 11 });
      expect(response.status).toBe(422);
    }
    expect((await post(bulk, { query: all, action: "set_review", reviewStatus: "great", expectedCount: 11 })).status).toBe(422);
  });

  it("needs the reviewer role: viewers and annotators get 403", async () => {
    for (const role of ["viewer", "annotator"] as const) {
      const refused = await post(bulk, { query: all, action: "delete", expectedCount: 11 }, role);
      expect(refused.status).toBe(403);
      expect((await refused.json()).error.code).toBe("forbidden");
      expect((await post(preview, { query: all }, role)).status).toBe(403);
    }
    expect(await countOf(all)).toBe(11);
  });
});
