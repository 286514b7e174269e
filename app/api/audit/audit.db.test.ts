import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnect } from "@/lib/db";
import type { AuditPage } from "@/lib/review/history/schema";
import type { ClaimResult, Queue } from "@/lib/review/queues/schema";
import type { Rubric } from "@/lib/review/rubrics/schema";
import { anonymous, call, sampleRubric, seedEpisodes, signInTeam, type Caller } from "@/lib/review/testing/fixtures";
import { POST as postComment } from "../episodes/[id]/comments/route";
import { POST as postJudgment } from "../episodes/[id]/review/judgments/route";
import { POST as bulk } from "../episodes/bulk/route";
import { POST as next } from "../queues/[id]/next/route";
import { POST as postQueue } from "../queues/route";
import { POST as postRubric } from "../rubrics/route";
import * as auditRoute from "./route";

const run = randomBytes(4).toString("hex");
let admin: Caller;
let ann: Caller;
let bob: Caller;
let rev: Caller;
let viewer: Caller;
let episodes: number[];
let batchId: number;
let rubric: Rubric;

beforeAll(async () => {
  ({ admin, ann, bob, rev, viewer } = await signInTeam(run));
  ({ ids: episodes, batchId } = await seedEpisodes(`aud${run}`, 2));
  rubric = (await call<Rubric>(postRubric, admin, { method: "POST", body: sampleRubric(`Audit ${run}`) })).body;
});
afterAll(() => disconnect());

const history = (caller: Caller, query: string) => call<AuditPage>(auditRoute.GET, caller, { query });

describe("audit trail", () => {
  it("shows an episode's history newest first, bulk actions that touched it included, page by page", async () => {
    const id = episodes[0];
    await call(postJudgment, ann, { method: "POST", params: { id }, body: { rubricVersionId: rubric.current.id, scores: { quality: 2, solves: false }, verdict: "reject", submit: true } });
    await call(postComment, bob, { method: "POST", params: { id }, body: { body: "agree" } });
    await call(bulk, rev, { method: "POST", body: { query: `batch=${batchId}`, action: "label_add", label: `audit-${run}`, expectedCount: 2 } });
    const page = await history(rev, `targetType=episode&targetId=${id}&limit=2`);
    expect(page.status).toBe(200);
    expect(page.body.items.map((e) => [e.action, e.actor])).toEqual([
      ["episodes.bulk.label_add", rev.email],
      ["comment.create", bob.email],
    ]);
    expect(page.body.nextCursor).toBe(page.body.items[1].id);
    const rest = await history(rev, `targetType=episode&targetId=${id}&limit=2&cursor=${page.body.nextCursor}`);
    expect(rest.body.items.map((e) => e.action)).toEqual(["judgment.submit"]);
    expect(rest.body.items[0]).toMatchObject({ before: null, after: { verdict: "reject", status: "submitted" }, createdAt: expect.stringMatching(/^\d{4}-/) });
    expect(rest.body.nextCursor).toBeNull();
    // An annotator may read an episode's history too.
    expect((await history(ann, `targetType=episode&targetId=${id}`)).body.items).toHaveLength(3);
  });

  it("lets reviewers read everything and filter by actor; annotators only episodes; viewers nothing", async () => {
    const byRubric = await history(rev, `targetType=rubric&targetId=${rubric.id}`);
    expect(byRubric.body.items.map((e) => e.action)).toEqual(["rubric.create"]);
    const byActor = await history(admin, `actorId=${ann.id}`);
    expect(byActor.body.items.every((e) => e.actorId === ann.id)).toBe(true);
    expect(byActor.body.items.length).toBeGreaterThan(0);
    const refused = await history(ann, `targetType=rubric&targetId=${rubric.id}`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("forbidden");
    expect((await history(viewer, `targetType=episode&targetId=${episodes[0]}`)).status).toBe(403);
    expect((await history(anonymous, `targetType=episode&targetId=${episodes[0]}`)).status).toBe(401);
    expect((await history(rev, `targetId=${episodes[0]}`)).status).toBe(422);
  });

  it("hides others' judgments and comments from a blind annotator who has not submitted", async () => {
    const id = episodes[1];
    const queue = (await call<Queue>(postQueue, admin, { method: "POST", body: { name: `Audit blind ${run}`, rubricId: rubric.id, query: `batch=${batchId}&instance=aud${run}__review-1`, overlap: 2, isBlind: true } })).body;
    const first = (await call<ClaimResult>(next, ann, { method: "POST", params: { id: queue.id } })).body.slot!;
    await call(postJudgment, ann, { method: "POST", params: { id }, body: { queueId: queue.id, scores: { quality: 4, solves: true }, verdict: "approve", submit: true } });
    await call(postComment, ann, { method: "POST", params: { id }, body: { body: "looks right" } });
    expect(first.episodeId).toBe(id);
    await call(next, bob, { method: "POST", params: { id: queue.id } });
    const blind = await history(bob, `targetType=episode&targetId=${id}`);
    expect(blind.body.items.some((e) => e.actorId === ann.id)).toBe(false);
    expect(blind.body.items.map((e) => e.action)).toEqual(["episodes.bulk.label_add"]);
    const open = await history(rev, `targetType=episode&targetId=${id}`);
    expect(open.body.items.filter((e) => e.actorId === ann.id).map((e) => e.action)).toEqual(["comment.create", "judgment.submit"]);
  });

  it("offers no way to change or delete events", () => {
    expect(Object.keys(auditRoute).sort()).toEqual(["GET"]);
  });
});
