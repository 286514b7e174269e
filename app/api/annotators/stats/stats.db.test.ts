import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnect, pool } from "@/lib/db";
import type { ClaimResult, Queue } from "@/lib/review/queues/schema";
import type { Rubric } from "@/lib/review/rubrics/schema";
import type { AnnotatorStatsList } from "@/lib/review/stats/schema";
import { call, sampleRubric, seedEpisodes, signIn, type Caller } from "@/lib/review/testing/fixtures";
import { POST as postJudgment } from "../../episodes/[id]/review/judgments/route";
import { POST as gold } from "../../queues/[id]/gold/route";
import { POST as next } from "../../queues/[id]/next/route";
import { POST as postQueue } from "../../queues/route";
import { POST as postRubric } from "../../rubrics/route";
import { GET as stats } from "./route";

const run = randomBytes(4).toString("hex");
let admin: Caller;
let ann: Caller;
let bob: Caller;
let rev: Caller;
let episodes: number[];
let queue: Queue;
let rubricId: number;
let batchId: number;

const verdicts = { ann: ["approve", "approve", "reject"], bob: ["approve", "reject", "reject"] };
/** Seconds from claim to submit for each of the three items, and the day each was submitted. */
const seconds = { ann: [60, 180, 300], bob: [30, 30, 90] };
const days = ["2031-03-01", "2031-03-01", "2031-03-02"];

async function work(caller: Caller, said: string[], took: number[]) {
  for (let n = 0; n < 3; n++) {
    const { slot } = (await call<ClaimResult>(next, caller, { method: "POST", params: { id: queue.id } })).body;
    const i = episodes.indexOf(slot!.episodeId);
    const judged = await call(postJudgment, caller, { method: "POST", params: { id: slot!.episodeId }, body: { queueId: queue.id, scores: { quality: 2, solves: true }, verdict: said[i], submit: true } });
    expect(judged.status).toBe(201);
    // Pin the times so the figures are known exactly.
    await pool.query(`UPDATE queue_slots SET claimed_at = $2::timestamp, submitted_at = $2::timestamp + make_interval(secs => $3) WHERE id = $1`, [slot!.id, `${days[i]} 10:00:00`, took[i]]);
    await pool.query(`UPDATE judgments SET submitted_at = $2::timestamp + make_interval(secs => $3) WHERE id = $1`, [judged.body.id, `${days[i]} 10:00:00`, took[i]]);
  }
}

beforeAll(async () => {
  [admin, ann, bob, rev] = await Promise.all([signIn("admin", "admin", run), signIn("ann", "annotator", run), signIn("bob", "annotator", run), signIn("rev", "reviewer", run)]);
  const seeded = await seedEpisodes(`sta${run}`, 3);
  episodes = seeded.ids;
  batchId = seeded.batchId;
  const rubric = (await call<Rubric>(postRubric, admin, { method: "POST", body: sampleRubric(`Stats ${run}`) })).body;
  rubricId = rubric.id;
  queue = (await call<Queue>(postQueue, admin, { method: "POST", body: { name: `Stats ${run}`, rubricId: rubric.id, query: `batch=${seeded.batchId}`, overlap: 2 } })).body;
  await call(gold, admin, { method: "POST", params: { id: queue.id }, body: { items: [{ episodeId: episodes[1], verdict: "approve" }] } });
  await work(ann, verdicts.ann, seconds.ann);
  await work(bob, verdicts.bob, seconds.bob);
});
afterAll(() => disconnect());

const get = (caller: Caller, query: string) => call<AnnotatorStatsList>(stats, caller, { query: `queue=${queue.id}&${query}` });

describe("annotator statistics", () => {
  it("gives items per day, median time per item, peer and gold agreement, verdict mix", async () => {
    const response = await get(rev, "from=2031-03-01&to=2031-03-02");
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ from: "2031-03-01T00:00:00.000Z", to: "2031-03-03T00:00:00.000Z" });
    const byEmail = Object.fromEntries(response.body.items.map((s) => [s.annotator.email, s]));
    expect(Object.keys(byEmail).sort()).toEqual([ann.email, bob.email].sort());
    expect(byEmail[ann.email]).toMatchObject({
      submitted: 3,
      perDay: [
        { day: "2031-03-01", items: 2 },
        { day: "2031-03-02", items: 1 },
      ],
      medianSecondsPerItem: 180,
      verdicts: { approve: 2, reject: 1, needs_changes: 0 },
      gold: { items: 1, correct: 1, accuracy: 1 },
      peerAgreement: { peers: 1, items: 3 },
    });
    // po = 2/3, pe = 4/9 -> (2/9) / (5/9)
    expect(byEmail[ann.email].peerAgreement.kappa).toBeCloseTo(0.4, 10);
    expect(byEmail[bob.email]).toMatchObject({ submitted: 3, medianSecondsPerItem: 30, gold: { items: 1, correct: 0, accuracy: 0 }, verdicts: { approve: 1, reject: 2 } });
  });

  it("counts only the period asked for", async () => {
    const response = await get(rev, "from=2031-03-02&to=2031-03-02");
    const byEmail = Object.fromEntries(response.body.items.map((s) => [s.annotator.email, s]));
    expect(byEmail[ann.email]).toMatchObject({ submitted: 1, medianSecondsPerItem: 300, perDay: [{ day: "2031-03-02", items: 1 }], gold: { items: 0, accuracy: null } });
    expect((await get(rev, "from=2031-04-01")).body.items).toEqual([]);
  });

  it("shows an annotator only their own figures", async () => {
    const response = await get(bob, "from=2031-03-01&to=2031-03-02");
    expect(response.body.items.map((s) => s.annotator.email)).toEqual([bob.email]);
  });

  it("counts only the queue asked for, or every queue without one", async () => {
    const other = (await call<Queue>(postQueue, admin, { method: "POST", body: { name: `Stats other ${run}`, rubricId: rubricId, query: `batch=${batchId}`, overlap: 1 } })).body;
    const { slot } = (await call<ClaimResult>(next, ann, { method: "POST", params: { id: other.id } })).body;
    const judged = await call(postJudgment, ann, { method: "POST", params: { id: slot!.episodeId }, body: { queueId: other.id, scores: { quality: 2, solves: true }, verdict: "reject", submit: true } });
    expect(judged.status).toBe(201);
    await pool.query(`UPDATE judgments SET submitted_at = '2031-03-01 12:00:00' WHERE id = $1`, [judged.body.id]);
    const period = "from=2031-03-01&to=2031-03-02";
    const submittedBy = async (query: string) =>
      Object.fromEntries((await call<AnnotatorStatsList>(stats, rev, { query })).body.items.map((s) => [s.annotator.email, s.submitted]));
    expect(await submittedBy(`queue=${other.id}&${period}`)).toEqual({ [ann.email]: 1 });
    expect(await submittedBy(`queue=${queue.id}&${period}`)).toEqual({ [ann.email]: 3, [bob.email]: 3 });
    expect(await submittedBy(period)).toMatchObject({ [ann.email]: 4, [bob.email]: 3 });
    expect((await call(stats, rev, { query: "queue=abc" })).status).toBe(422);
  });

  it("refuses a malformed period (422)", async () => {
    expect((await get(rev, "from=yesterday")).status).toBe(422);
  });
});
