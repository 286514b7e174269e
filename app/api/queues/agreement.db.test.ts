import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnect, prisma } from "@/lib/db";
import type { ConflictList, QueueAgreement } from "@/lib/review/consensus/schema";
import type { ClaimResult, Queue } from "@/lib/review/queues/schema";
import type { Rubric } from "@/lib/review/rubrics/schema";
import { call, sampleRubric, seedEpisodes, signIn, type Caller } from "@/lib/review/testing/fixtures";
import { POST as adjudicate } from "../episodes/[id]/review/adjudication/route";
import { POST as postJudgment } from "../episodes/[id]/review/judgments/route";
import { POST as postRubric } from "../rubrics/route";
import { GET as agreement } from "./[id]/agreement/route";
import { GET as conflicts } from "./[id]/conflicts/route";
import { POST as gold } from "./[id]/gold/route";
import { POST as next } from "./[id]/next/route";
import { POST as postQueue } from "./route";

const run = randomBytes(4).toString("hex");
let admin: Caller;
let ann: Caller;
let bob: Caller;
let rev: Caller;
let episodes: number[];
let queue: Queue;

/** What each annotator says about the three items (by position in `episodes`). */
const answers = {
  ann: [
    { verdict: "approve", scores: { quality: 4, solves: true, issue: "none" } },
    { verdict: "approve", scores: { quality: 4, solves: true, issue: "none" } },
    { verdict: "reject", scores: { quality: 1, solves: false, issue: "loop" } },
  ],
  bob: [
    { verdict: "approve", scores: { quality: 4, solves: true, issue: "none" } },
    { verdict: "reject", scores: { quality: 3, solves: false, issue: "none" } },
    { verdict: "reject", scores: { quality: 1, solves: false, issue: "loop" } },
  ],
};

async function work(caller: Caller, said: (typeof answers)["ann"]) {
  for (let n = 0; n < 3; n++) {
    const { slot } = (await call<ClaimResult>(next, caller, { method: "POST", params: { id: queue.id } })).body;
    const i = episodes.indexOf(slot!.episodeId);
    const response = await call(postJudgment, caller, { method: "POST", params: { id: slot!.episodeId }, body: { queueId: queue.id, ...said[i], submit: true } });
    expect(response.status).toBe(201);
  }
}

beforeAll(async () => {
  [admin, ann, bob, rev] = await Promise.all([signIn("admin", "admin", run), signIn("ann", "annotator", run), signIn("bob", "annotator", run), signIn("rev", "reviewer", run)]);
  const seeded = await seedEpisodes(`agr${run}`, 3);
  episodes = seeded.ids;
  const rubric = (await call<Rubric>(postRubric, admin, { method: "POST", body: sampleRubric(`Agreement ${run}`) })).body;
  queue = (await call<Queue>(postQueue, admin, { method: "POST", body: { name: `Agreement ${run}`, rubricId: rubric.id, query: `batch=${seeded.batchId}`, overlap: 2 } })).body;
  // The second item becomes gold: its known answer is approve.
  expect((await call(gold, admin, { method: "POST", params: { id: queue.id }, body: { items: [{ episodeId: episodes[1], verdict: "approve", scores: { solves: true } }] } })).status).toBe(200);
  await work(ann, answers.ann);
  await work(bob, answers.bob);
});
afterAll(() => disconnect());

describe("agreement", () => {
  it("computes alpha per dimension and kappa per pair, with the items behind them", async () => {
    const response = await call<QueueAgreement>(agreement, rev, { params: { id: queue.id } });
    expect(response.status).toBe(200);
    const result = response.body;
    expect(result.judgedItems).toBe(3);
    expect(result.annotators.map((a) => a.email)).toEqual([ann.email, bob.email].sort());
    // Verdict, by hand: n = 6 values (3 approve, 3 reject), one disagreeing unit of two:
    // alpha = 1 - (n - 1) * (1 + 1) / (3 * 3 * 2) = 1 - 10 / 18. Kappa: po = 2/3, pe = 4/9 -> 0.4.
    expect(result.verdict).toMatchObject({ key: "verdict", level: "nominal", items: 3, values: 6 });
    expect(result.verdict.alpha).toBeCloseTo(1 - 10 / 18, 10);
    expect(result.verdict.pairs).toHaveLength(1);
    expect(result.verdict.pairs[0]).toMatchObject({ items: 3 });
    expect(result.verdict.pairs[0].kappa).toBeCloseTo(0.4, 10);
    const byKey = Object.fromEntries(result.dimensions.map((d) => [d.key, d]));
    expect(Object.keys(byKey)).toEqual(["quality", "solves", "issue", "tags"]);
    expect(byKey.solves.alpha).toBeCloseTo(1 - 10 / 18, 10);
    expect(byKey.quality).toMatchObject({ level: "ordinal", type: "ordinal", items: 3 });
    // Ordinal, by hand over the scale 1..4 (values 1,1,3,4,4,4; n = 6, counts n1 = 2, n3 = 1, n4 = 3):
    // d(3,4) = (1/2 + 3/2)^2 = 4, d(1,3) = (2/2 + 0 + 1/2)^2 = 2.25 (n2 = 0), d(1,4) = (2/2 + 0 + 1 + 3/2)^2 = 12.25.
    // Observed: the one disagreeing unit (4, 3): 2 * 4 = 8. Expected: 2 * (2*1*2.25 + 2*3*12.25 + 1*3*4) = 2 * 90 = 180.
    expect(byKey.quality.alpha).toBeCloseTo(1 - (5 * 8) / 180, 10);
    // Nobody used the tags: no values, no alpha.
    expect(byKey.tags).toMatchObject({ alpha: null, items: 0, pairs: [] });
  });

  it("shows each annotator's accuracy on gold items", async () => {
    const result = (await call<QueueAgreement>(agreement, rev, { params: { id: queue.id } })).body;
    expect(result.gold.map((g) => [g.annotator.email, g.items, g.correct, g.accuracy])).toEqual(
      [
        [ann.email, 1, 1, 1],
        [bob.email, 1, 0, 0],
      ].sort(),
    );
  });

  it("is for reviewers", async () => {
    expect((await call(agreement, ann, { params: { id: queue.id } })).status).toBe(403);
    expect((await call(conflicts, ann, { params: { id: queue.id } })).status).toBe(403);
  });
});

describe("conflicts and adjudication", () => {
  it("lists the items whose judgments disagree and what on, until a reviewer resolves them", async () => {
    const open = (await call<ConflictList>(conflicts, rev, { params: { id: queue.id } })).body;
    expect(open.items.map((c) => [c.episodeId, c.disagreements])).toEqual([[episodes[1], { verdict: true, dimensions: ["quality", "solves"] }]]);
    expect(open.items[0].judgments.map((j) => j.verdict).sort()).toEqual(["approve", "reject"]);
    expect(open.items[0].adjudication).toBeNull();
    // Two agreeing verdicts with overlap 2 decide the others.
    const statuses = await prisma.episode.findMany({ where: { id: { in: episodes } }, select: { id: true, reviewStatus: true } });
    expect(Object.fromEntries(statuses.map((s) => [s.id, s.reviewStatus]))).toEqual({ [episodes[0]]: "approved", [episodes[1]]: "pending", [episodes[2]]: "rejected" });

    const resolved = await call(adjudicate, rev, { method: "POST", params: { id: episodes[1] }, body: { queueId: queue.id, verdict: "approve", reason: "Solves it; the style issue is minor", scores: { quality: 3, solves: true } } });
    expect(resolved.status).toBe(201);
    expect(resolved.body.sides).toHaveLength(2);
    expect((await call<ConflictList>(conflicts, rev, { params: { id: queue.id } })).body.items).toEqual([]);
    const done = (await call<ConflictList>(conflicts, rev, { params: { id: queue.id }, query: "status=resolved" })).body.items;
    expect(done.map((c) => [c.episodeId, c.adjudication?.verdict, c.adjudication?.reviewer.email])).toEqual([[episodes[1], "approve", rev.email]]);
    expect((await prisma.episode.findUniqueOrThrow({ where: { id: episodes[1] } })).reviewStatus).toBe("approved");
  });
});
