import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAudit } from "@/lib/audit/record";
import { disconnect, pool, prisma } from "@/lib/db";
import type { Judgment } from "@/lib/review/judgments/schema";
import type { ClaimResult, Queue, QueueItem, QueueProgress } from "@/lib/review/queues/schema";
import type { Rubric } from "@/lib/review/rubrics/schema";
import { call, sampleRubric, seedEpisodes, signIn, type Caller } from "@/lib/review/testing/fixtures";
import { POST as postRubric } from "../rubrics/route";
import { POST as postView } from "../views/route";
import { GET as getReview } from "../episodes/[id]/review/route";
import { PATCH as patchJudgment } from "../episodes/[id]/review/judgments/[judgmentId]/route";
import { GET as listJudgments, POST as postJudgment } from "../episodes/[id]/review/judgments/route";
import { PATCH as patchQueue, GET as getQueue } from "./[id]/route";
import { GET as items } from "./[id]/items/route";
import { POST as next } from "./[id]/next/route";
import { GET as progress } from "./[id]/progress/route";
import { POST as release } from "./[id]/slots/[slotId]/release/route";
import { POST as skip } from "./[id]/slots/[slotId]/skip/route";
import { GET as listQueues, POST as postQueue } from "./route";

const run = randomBytes(4).toString("hex");
let admin: Caller;
let a1: Caller;
let a2: Caller;
let a3: Caller;
let rev: Caller;
let viewer: Caller;
let episodes: number[];
let batchId: number;
let rubric: Rubric;

beforeAll(async () => {
  [admin, a1, a2, a3, rev, viewer] = await Promise.all([
    signIn("admin", "admin", run),
    signIn("a1", "annotator", run),
    signIn("a2", "annotator", run),
    signIn("a3", "annotator", run),
    signIn("rev", "reviewer", run),
    signIn("viewer", "viewer", run),
  ]);
  ({ ids: episodes, batchId } = await seedEpisodes(`que${run}`, 6));
  rubric = (await call<Rubric>(postRubric, admin, { method: "POST", body: sampleRubric(`Queue rubric ${run}`) })).body;
});
afterAll(() => disconnect());


const instance = (i: number) => `que${run}__review-${i}`;

async function createQueue(name: string, body: Record<string, unknown>): Promise<Queue> {
  const response = await call<Queue>(postQueue, admin, { method: "POST", body: { name: `${name} ${run}`, rubricId: rubric.id, ...body } });
  expect(response.status).toBe(201);
  return response.body;
}

const claim = (caller: Caller, queue: Queue) => call<ClaimResult>(next, caller, { method: "POST", params: { id: queue.id } });

const complete = { quality: 3, solves: true };

function judge(caller: Caller, queue: Queue, episodeId: number, body: Record<string, unknown> = {}) {
  return call<Judgment>(postJudgment, caller, { method: "POST", params: { id: episodeId }, body: { queueId: queue.id, scores: complete, verdict: "approve", submit: true, ...body } });
}

describe("creating queues", () => {
  it("snapshots the filter's episodes with their slots and gold items, in one audited step", async () => {
    const queue = await createQueue("Snapshot", { query: `batch=${batchId}&instance=${instance(0)},${instance(1)},${instance(2)}`, overlap: 2, gold: [{ episodeId: episodes[5], verdict: "approve", scores: { quality: 4 } }] });
    expect(queue).toMatchObject({ overlap: 2, isBlind: false, status: "open", rubricVersionId: rubric.current.id, rubric: { id: rubric.id, version: 1 } });
    expect(queue.sourceQuery).toContain(`batch=${batchId}`);
    expect(queue.progress).toEqual({ items: 4, slots: 8, submitted: 0, reserved: 0, open: 8, itemsComplete: 0 });
    const listed = await call<{ items: { episodeId: number; isGold: boolean; goldVerdict: string | null; goldScores: unknown }[] }>(items, rev, { params: { id: queue.id } });
    expect(listed.body.items.map((i) => i.episodeId).sort()).toEqual([episodes[0], episodes[1], episodes[2], episodes[5]].sort());
    expect(listed.body.items.find((i) => i.isGold)).toMatchObject({ episodeId: episodes[5], goldVerdict: "approve", goldScores: { quality: 4 } });
    // Annotators must not learn which items are gold.
    expect((await call(items, a1, { params: { id: queue.id } })).status).toBe(403);
    // Episodes imported later do not join the queue.
    await seedEpisodes(`que${run}late`, 1);
    expect((await call<Queue>(getQueue, a1, { params: { id: queue.id } })).body.progress.items).toBe(4);
    const [event] = await listAudit({ targetType: "queue", targetId: queue.id });
    expect(event).toMatchObject({ action: "queue.create", actor: admin.email, after: { overlap: 2, items: 4 } });
  });

  it("builds from a saved view, and refuses an empty or ambiguous source (422)", async () => {
    const view = await call(postView, admin, { method: "POST", body: { name: `Two ${run}`, query: `batch=${batchId}&instance=${instance(3)},${instance(4)}` } });
    const queue = await createQueue("From view", { viewId: view.body.id });
    expect(queue).toMatchObject({ sourceViewId: view.body.id, progress: { items: 2, slots: 2 } });
    const empty = await call(postQueue, admin, { method: "POST", body: { name: `Empty ${run}`, rubricId: rubric.id, query: "instance=nothing-matches" } });
    expect(empty.status).toBe(422);
    expect(empty.body.error.message).toContain("empty");
    const both = await call(postQueue, admin, { method: "POST", body: { name: `Both ${run}`, rubricId: rubric.id, query: "", viewId: view.body.id } });
    expect(both.status).toBe(422);
    const badFilter = await call(postQueue, admin, { method: "POST", body: { name: `Bad ${run}`, rubricId: rubric.id, query: "steps=lots" } });
    expect(badFilter.status).toBe(422);
    expect((await call(postQueue, rev, { method: "POST", body: { name: `Rev ${run}`, rubricId: rubric.id, query: "" } })).status).toBe(403);
  });
});

describe("working a queue", () => {
  it("gives each person their own slot, items with fewer judgments first, and the held slot again on next", async () => {
    const queue = await createQueue("Work", { query: `batch=${batchId}&instance=${instance(0)},${instance(1)},${instance(2)}`, overlap: 2 });
    const first = (await claim(a1, queue)).body;
    expect(first.slot).toMatchObject({ queueId: queue.id, slotNo: expect.any(Number) });
    expect(first).toMatchObject({ rubricVersionId: rubric.current.id, judgment: null, remaining: 2 });
    expect((await claim(a1, queue)).body.slot!.id).toBe(first.slot!.id);
    const second = (await claim(a2, queue)).body;
    // a1's item already has one taker; a2 gets an untouched item.
    expect(second.slot!.episodeId).not.toBe(first.slot!.episodeId);

    // Judging in the queue completes the slot; the queue's rubric version is implied.
    const judged = await judge(a1, queue, first.slot!.episodeId);
    expect(judged.status).toBe(201);
    expect(judged.body).toMatchObject({ queueId: queue.id, rubricVersionId: rubric.current.id, status: "submitted" });
    const slot = await prisma.queueSlot.findUniqueOrThrow({ where: { id: first.slot!.id } });
    expect(slot).toMatchObject({ status: "submitted", judgmentId: judged.body.id, annotatorId: a1.id });
    expect(slot.submittedAt).not.toBeNull();

    // Without a slot, nobody judges a queue item.
    const a3Try = await judge(a3, queue, first.slot!.episodeId);
    expect(a3Try.status).toBe(403);
    expect(a3Try.body.error.message).toContain("Claim this item");

    const p = (await call<QueueProgress>(progress, viewer, { params: { id: queue.id } })).body;
    expect(p.overall).toMatchObject({ items: 3, slots: 6, submitted: 1, reserved: 1, open: 4, itemsComplete: 0 });
    expect(p.annotators.map((a) => [a.annotator.email, a.submitted, a.reserved, a.available])).toEqual(
      [
        [a1.email, 1, 0, 2],
        [a2.email, 0, 1, 2],
      ].sort(),
    );
  });

  it("never offers a skipped item again; a released one comes back; nothing left is slot null", async () => {
    const queue = await createQueue("Skip", { query: `batch=${batchId}&instance=${instance(3)},${instance(4)}`, overlap: 1 });
    const first = (await claim(a3, queue)).body.slot!;
    expect((await call(skip, a3, { method: "POST", params: { id: queue.id, slotId: first.id } })).status).toBe(200);
    const second = (await claim(a3, queue)).body.slot!;
    expect(second.episodeId).not.toBe(first.episodeId);
    expect((await call(release, a3, { method: "POST", params: { id: queue.id, slotId: second.id } })).status).toBe(200);
    // Releasing twice: the slot is no longer mine.
    expect((await call(release, a3, { method: "POST", params: { id: queue.id, slotId: second.id } })).status).toBe(409);
    const again = (await claim(a3, queue)).body.slot!;
    expect(again.episodeId).toBe(second.episodeId);
    expect((await judge(a3, queue, again.episodeId)).status).toBe(201);
    expect((await claim(a3, queue)).body).toMatchObject({ slot: null, remaining: 0 });
    // Someone else still gets the skipped item.
    expect((await claim(a1, queue)).body.slot!.episodeId).toBe(first.episodeId);
    const events = await listAudit({ targetType: "queue", targetId: queue.id });
    expect(events.map((e) => e.action).slice(0, 2)).toEqual(["queue.slot.release", "queue.slot.skip"]);
  });

  it("lets another person reclaim an expired reservation, and tells the first one to reload (409)", async () => {
    const queue = await createQueue("Expiry", { query: `batch=${batchId}&instance=${instance(1)}`, overlap: 1, reservationSeconds: 600 });
    const held = (await claim(a1, queue)).body.slot!;
    const draft = await judge(a1, queue, held.episodeId, { submit: false });
    expect(draft.status).toBe(201);
    expect((await claim(a2, queue)).body.slot).toBeNull();
    await pool.query(`UPDATE queue_slots SET reserved_until = now() - interval '1 second' WHERE id = $1`, [held.id]);
    const taken = (await claim(a2, queue)).body.slot!;
    expect(taken).toMatchObject({ id: held.id, episodeId: held.episodeId });
    const late = await call(patchJudgment, a1, { method: "PATCH", params: { id: held.episodeId, judgmentId: draft.body.id }, body: { version: 1, submit: true } });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toContain("expired");
  });

  it("reports the reservation expiry of the slot I hold in the queue and its items, without claiming again", async () => {
    const queue = await createQueue("Expiry read", { query: `batch=${batchId}&instance=${instance(5)}`, overlap: 1, reservationSeconds: 900 });
    const mineOf = async (caller: Caller) => (await call<Queue>(getQueue, caller, { params: { id: queue.id } })).body.mine;
    expect(await mineOf(a1)).toEqual({ submitted: 0, reservedSlotId: null, reservedEpisodeId: null, reservedUntil: null });
    const held = (await claim(a1, queue)).body.slot!;
    expect(Date.parse(held.reservedUntil) - Date.parse(held.claimedAt)).toBe(900_000);
    const mine = await mineOf(a1);
    expect(mine).toEqual({ submitted: 0, reservedSlotId: held.id, reservedEpisodeId: held.episodeId, reservedUntil: held.reservedUntil });
    // Reading it twice leaves the reservation as it was (only "next" renews it).
    expect((await mineOf(a1)).reservedUntil).toBe(held.reservedUntil);
    expect(await mineOf(a2)).toMatchObject({ reservedSlotId: null, reservedUntil: null });
    const listed = await call<{ items: QueueItem[] }>(items, rev, { params: { id: queue.id } });
    expect(listed.body.items[0].reservations).toEqual([{ slotId: held.id, annotator: { id: a1.id, name: expect.any(String), email: a1.email }, reservedUntil: held.reservedUntil }]);

    // Lapsed: still mine (I may save until someone takes it), with an expiry in the past; no longer a live reservation.
    await pool.query(`UPDATE queue_slots SET reserved_until = now() - interval '1 second' WHERE id = $1`, [held.id]);
    const lapsed = await mineOf(a1);
    expect(lapsed.reservedSlotId).toBe(held.id);
    expect(Date.parse(lapsed.reservedUntil!)).toBeLessThan(Date.now());
    expect((await call<{ items: QueueItem[] }>(items, rev, { params: { id: queue.id } })).body.items[0].reservations).toEqual([]);
    // Taken by someone else: no longer mine.
    expect((await claim(a2, queue)).body.slot!.id).toBe(held.id);
    expect(await mineOf(a1)).toMatchObject({ reservedSlotId: null, reservedUntil: null });
    expect((await mineOf(a2)).reservedSlotId).toBe(held.id);
  });

  it("refuses claims on a closed queue, and only admins close it", async () => {
    const queue = await createQueue("Closing", { query: `batch=${batchId}&instance=${instance(2)}` });
    expect((await call(patchQueue, rev, { method: "PATCH", params: { id: queue.id }, body: { status: "closed" } })).status).toBe(403);
    const closed = await call<Queue>(patchQueue, admin, { method: "PATCH", params: { id: queue.id }, body: { status: "closed", overlap: 3 } });
    expect(closed.body).toMatchObject({ status: "closed", overlap: 3, progress: { slots: 3 } });
    const refused = await claim(a1, queue);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain("closed");
    expect((await call(patchQueue, admin, { method: "PATCH", params: { id: queue.id }, body: { overlap: 1 } })).status).toBe(422);
    const listed = await call<{ items: Queue[] }>(listQueues, viewer);
    expect(listed.body.items.find((q) => q.id === queue.id)?.status).toBe("closed");
  });
});

describe("blind review", () => {
  it("shows an annotator only their own judgment until they submit, and keeps them out of the item outside the queue", async () => {
    const fresh = await seedEpisodes(`que${run}blind`, 1);
    const queue = await createQueue("Blind", { query: `batch=${fresh.batchId}`, overlap: 2, isBlind: true });
    const episodeId = fresh.ids[0];
    const mine = (await claim(a1, queue)).body.slot!;
    expect(mine.episodeId).toBe(episodeId);
    expect((await judge(a1, queue, episodeId, { scores: { quality: 4, solves: true }, verdict: "approve" })).status).toBe(201);

    // a2 has not claimed it: the episode is closed to them outside the queue.
    const outside = await call(postJudgment, a2, { method: "POST", params: { id: episodeId }, body: { rubricVersionId: rubric.current.id } });
    expect(outside.status).toBe(403);
    expect(outside.body.error.message).toContain("blind queue");

    expect((await claim(a2, queue)).body.slot!.episodeId).toBe(episodeId);
    const draft = await judge(a2, queue, episodeId, { submit: false, scores: { quality: 1 } });
    const before = await call<{ items: Judgment[]; hidden: number }>(listJudgments, a2, { params: { id: episodeId } });
    expect(before.body.items.map((j) => j.annotator.email)).toEqual([a2.email]);
    expect(before.body.hidden).toBe(1);
    const review = (await call(getReview, a2, { params: { id: episodeId } })).body;
    expect(review).toMatchObject({ isBlind: true, hiddenJudgments: 1 });
    // Viewers have nothing of their own: they see nothing while the queue is open.
    expect((await call(listJudgments, viewer, { params: { id: episodeId } })).body).toMatchObject({ items: [], hidden: 2 });

    await call(patchJudgment, a2, { method: "PATCH", params: { id: episodeId, judgmentId: draft.body.id }, body: { version: 1, scores: { quality: 1, solves: false }, verdict: "reject", submit: true } });
    const after = await call<{ items: Judgment[]; hidden: number }>(listJudgments, a2, { params: { id: episodeId } });
    expect(after.body.items.map((j) => j.annotator.email).sort()).toEqual([a1.email, a2.email].sort());
    expect((await call(listJudgments, rev, { params: { id: episodeId } })).body.items).toHaveLength(2);
    // Two disagreeing verdicts with overlap 2: pending until adjudicated.
    expect((await prisma.episode.findUniqueOrThrow({ where: { id: episodeId } })).reviewStatus).toBe("pending");
  });
});
