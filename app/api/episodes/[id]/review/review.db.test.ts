import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/auth/api-keys";
import { listAudit } from "@/lib/audit/record";
import { disconnect, prisma } from "@/lib/db";
import type { Judgment } from "@/lib/review/judgments/schema";
import type { Rubric } from "@/lib/review/rubrics/schema";
import { anonymous, call, sampleRubric, seedEpisodes, signInTeam, type Caller } from "@/lib/review/testing/fixtures";
import { POST as postRubric } from "../../../rubrics/route";
import { POST as bulk } from "../../bulk/route";
import { POST as adjudicate } from "./adjudication/route";
import { PATCH as patchJudgment } from "./judgments/[judgmentId]/route";
import { GET as listJudgments, POST as postJudgment } from "./judgments/route";
import { GET as getReview } from "./route";

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
  ({ ids: episodes, batchId } = await seedEpisodes(`jud${run}`, 8));
  rubric = (await call<Rubric>(postRubric, admin, { method: "POST", body: sampleRubric(`Judging ${run}`) })).body;
});
afterAll(() => disconnect());

function create(caller: Caller, episodeId: number, body: Record<string, unknown>) {
  return call<Judgment>(postJudgment, caller, { method: "POST", params: { id: episodeId }, body: { rubricVersionId: rubric.current.id, ...body } });
}

function patch(caller: Caller, judgment: Pick<Judgment, "id" | "episodeId">, body: Record<string, unknown>) {
  return call<Judgment>(patchJudgment, caller, { method: "PATCH", params: { id: judgment.episodeId, judgmentId: judgment.id }, body });
}

const episodeRow = (id: number) =>
  prisma.episode.findUniqueOrThrow({ where: { id }, select: { reviewStatus: true, reviewedAt: true, score: true, labels: true, annotators: true, reviewLabels: true, bulkLabels: true } });

const complete = { quality: 4, solves: true, issue: "loop", tags: ["hard"] };

describe("judgments", () => {
  it("saves a draft, then submits it; the episode's score, labels, annotators and status follow", async () => {
    const draft = await create(ann, episodes[0], { scores: { quality: 3 } });
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ status: "draft", version: 1, scores: { quality: 3 }, verdict: null, annotator: { email: ann.email }, rubricVersionId: rubric.current.id });
    // Drafts do not count.
    expect(await episodeRow(episodes[0])).toMatchObject({ reviewStatus: "pending", score: null, annotators: [] });

    const submitted = await patch(ann, draft.body, { version: 1, scores: { ...complete, notes: "clean" }, labels: ["gold-candidate"], verdict: "approve", reason: "Fixes the bug", submit: true });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: "submitted", version: 2, verdict: "approve", submittedAt: expect.any(String) });
    const row = await episodeRow(episodes[0]);
    // quality 4 on 1..4 -> 1, solves true -> 1
    expect(row).toMatchObject({ reviewStatus: "approved", score: 1, annotators: [ann.id], labels: ["gold-candidate", "hard", "loop"] });
    expect(row.reviewedAt).not.toBeNull();

    const events = await listAudit({ targetType: "episode", targetId: episodes[0] });
    expect(events.map((e) => e.action)).toEqual(["judgment.submit", "judgment.create"]);
    expect(events[0]).toMatchObject({ actor: ann.email, before: { version: 1, verdict: null }, after: { version: 2, verdict: "approve", status: "submitted" }, meta: { judgmentId: draft.body.id } });
  });

  it("checks every value against its dimension type, and completeness on submit (422)", async () => {
    const bad = await create(ann, episodes[1], { scores: { quality: 7, solves: "yes", issue: "other", tags: ["hard", "hard"], nope: 1 } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.scores).toEqual({
      quality: "Pick one of 1, 2, 3, 4.",
      solves: expect.any(String),
      issue: "Pick one of none, loop, hallucination.",
      tags: "Pick each option once.",
      nope: "This rubric version has no such dimension.",
    });
    const incomplete = await create(ann, episodes[1], { scores: { quality: 2 }, verdict: "reject", submit: true });
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.error.details.scores).toEqual({ solves: '"Solves the task" needs a value before submitting.' });
    const noVerdict = await create(ann, episodes[1], { scores: { quality: 2, solves: false }, submit: true });
    expect(noVerdict.status).toBe(422);
    expect(noVerdict.body.error.message).toContain("verdict");
    // Nothing was written by the refused requests.
    expect(await prisma.judgment.count({ where: { episodeId: episodes[1] } })).toBe(0);
  });

  it("refuses a second judgment of mine on the same episode and version (409, with the one to change)", async () => {
    const first = await create(bob, episodes[2], { scores: { quality: 1 } });
    const second = await create(bob, episodes[2], { scores: { quality: 2 } });
    expect(second.status).toBe(409);
    expect(second.body.error.details).toEqual({ judgmentId: first.body.id, version: 1 });
  });

  it("tells the second of two saves on the same version to reload (409) and keeps the first", async () => {
    const judgment = (await create(bob, episodes[3], { scores: { quality: 2 } })).body;
    const results = await Promise.all([patch(bob, judgment, { version: 1, scores: { quality: 3 } }), patch(rev, judgment, { version: 1, scores: { quality: 4 } })]);
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409]);
    const winner = results.find((r) => r.status === 200)!.body;
    const loser = results.find((r) => r.status === 409)!.body;
    expect(loser.error.code).toBe("conflict");
    expect(loser.error.message).toMatch(/Someone else changed this judgment.*Reload/);
    expect(loser.error.details).toEqual({ currentVersion: 2 });
    const stored = await prisma.judgment.findUniqueOrThrow({ where: { id: judgment.id } });
    expect(stored.version).toBe(2);
    expect(stored.scores).toEqual(winner.scores);
  });

  it("keeps both when two people judge the same episode at once", async () => {
    const [a, b] = await Promise.all([
      create(ann, episodes[4], { scores: { ...complete, quality: 4 }, verdict: "approve", submit: true }),
      create(bob, episodes[4], { scores: { ...complete, quality: 1, solves: false, issue: "hallucination" }, verdict: "reject", submit: true }),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    const row = await episodeRow(episodes[4]);
    expect(row.annotators).toEqual([ann.id, bob.id].sort());
    // Single-annotator context (no queue): disagreeing verdicts leave it pending. (1 + 1 + 0 + 0) / 4
    expect(row).toMatchObject({ reviewStatus: "pending", score: 0.5, labels: ["hallucination", "hard", "loop"] });
    const listed = await call<{ items: Judgment[]; hidden: number }>(listJudgments, viewer, { params: { id: episodes[4] } });
    expect(listed.body.items.map((j) => j.annotator.email).sort()).toEqual([ann.email, bob.email].sort());
    expect(listed.body.hidden).toBe(0);
  });

  it("lets only the annotator or a reviewer change a judgment; API keys and viewers cannot judge", async () => {
    const judgment = (await create(ann, episodes[5], { scores: { quality: 2 } })).body;
    const byBob = await patch(bob, judgment, { version: 1, scores: { quality: 1 } });
    expect(byBob.status).toBe(403);
    expect(byBob.body.error.code).toBe("forbidden");
    expect((await create(viewer, episodes[5], {})).status).toBe(403);
    expect((await create(anonymous, episodes[5], {})).status).toBe(401);
    const key = await createApiKey({ name: `judge-${run}`, role: "admin" });
    const byKey = await create({ headers: { authorization: `Bearer ${key.key}` }, id: null, email: "", role: "admin" }, episodes[5], {});
    expect(byKey.status).toBe(403);
    expect(byKey.body.error.message).toContain("API keys");
    expect((await create(ann, 99999999, {})).status).toBe(404);
  });

  it("keeps labels a bulk action added when judgments change theirs", async () => {
    const id = episodes[6];
    const added = await call(bulk, rev, { method: "POST", body: { query: `batch=${batchId}&instance=jud${run}__review-6`, action: "label_add", label: "from-bulk", expectedCount: 1 } });
    expect(added.status).toBe(200);
    const judgment = (await create(ann, id, { scores: { ...complete, tags: ["docs"] }, verdict: "needs_changes", submit: true })).body;
    expect((await episodeRow(id)).labels).toEqual(["docs", "from-bulk", "loop"]);
    expect((await episodeRow(id)).reviewStatus).toBe("needs_changes");
    expect((await patch(ann, judgment, { version: 1, scores: { tags: [], issue: null } })).status).toBe(200);
    expect(await episodeRow(id)).toMatchObject({ labels: ["from-bulk"], reviewLabels: [] });
  });

  it("keeps a bulk label that a judgment also gave when the judgment drops it; a bulk removal leaves the judgment's", async () => {
    const id = episodes[7];
    const bulkOn7 = (action: "label_add" | "label_remove", label: string) =>
      call(bulk, rev, { method: "POST", body: { query: `batch=${batchId}&instance=jud${run}__review-7`, action, label, expectedCount: 1 } });
    const judgment = (await create(ann, id, { scores: { ...complete, tags: ["docs"] }, verdict: "approve", submit: true })).body;
    expect(await episodeRow(id)).toMatchObject({ labels: ["docs", "loop"], reviewLabels: ["docs", "loop"] });
    expect((await bulkOn7("label_add", "docs")).body).toEqual({ affected: 1, changed: 1 });
    expect((await patch(ann, judgment, { version: 1, scores: { tags: [] } })).status).toBe(200);
    expect(await episodeRow(id)).toMatchObject({ labels: ["docs", "loop"], reviewLabels: ["loop"], bulkLabels: ["docs"] });
    // "loop" comes from the judgment alone: removing it as a bulk label changes nothing.
    expect((await bulkOn7("label_remove", "loop")).body).toEqual({ affected: 1, changed: 0 });
    expect(await episodeRow(id)).toMatchObject({ labels: ["docs", "loop"], bulkLabels: ["docs"] });
    expect((await bulkOn7("label_remove", "docs")).body).toEqual({ affected: 1, changed: 1 });
    expect(await episodeRow(id)).toMatchObject({ labels: ["loop"], reviewLabels: ["loop"], bulkLabels: [] });
  });

  it("adjudicates: the reviewer's verdict sets the status, recording both sides", async () => {
    const id = episodes[4];
    const response = await call(adjudicate, rev, { method: "POST", params: { id }, body: { verdict: "needs_changes", reason: "Partly right", rubricVersionId: rubric.current.id, scores: { quality: 3 } } });
    expect(response.status).toBe(201);
    expect(response.body.sides.map((s: { annotator: { email: string }; verdict: string }) => [s.annotator.email, s.verdict]).sort()).toEqual(
      [
        [ann.email, "approve"],
        [bob.email, "reject"],
      ].sort(),
    );
    // Final values replace the judgments' in the score: quality 3 on 1..4.
    expect(await episodeRow(id)).toMatchObject({ reviewStatus: "needs_changes" });
    expect((await episodeRow(id)).score).toBeCloseTo(2 / 3, 5);
    const [event] = await listAudit({ targetType: "episode", targetId: id });
    expect(event).toMatchObject({ action: "adjudication.create", actor: rev.email, after: { verdict: "needs_changes", reason: "Partly right" } });
    expect((event.before as { sides: unknown[] }).sides).toHaveLength(2);
    expect((await call(adjudicate, ann, { method: "POST", params: { id }, body: { verdict: "approve", reason: "x" } })).status).toBe(403);
    expect((await call(adjudicate, rev, { method: "POST", params: { id }, body: { verdict: "approve", reason: " " } })).status).toBe(422);
    const review = await call(getReview, viewer, { params: { id } });
    expect(review.body).toMatchObject({ reviewStatus: "needs_changes", isBlind: false, hiddenJudgments: 0 });
    expect(review.body.adjudications).toHaveLength(1);
    expect(review.body.judgments).toHaveLength(2);
  });
});
