/**
 * Blind review beyond the Review panel: an annotator who has not submitted their own judgment of
 * an item in an open blind queue must not learn what others' judgments made of it from the episode
 * list, its filters and counts, groups, Insights or the episode itself (lib/review/blind-redaction.ts).
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/auth/api-keys";
import { disconnect } from "@/lib/db";
import type { Judgment } from "@/lib/review/judgments/schema";
import type { ClaimResult, Queue } from "@/lib/review/queues/schema";
import type { Rubric } from "@/lib/review/rubrics/schema";
import { call, sampleRubric, seedEpisodes, signInTeam, type Caller } from "@/lib/review/testing/fixtures";
import type { FacetCounts } from "@/lib/search/facets";
import type { EpisodeList } from "@/lib/search/find-episodes";
import type { RolloutGroupList } from "@/lib/search/groups";
import { GET as insights } from "../insights/route";
import { GET as getQueue, PATCH as patchQueue } from "../queues/[id]/route";
import { POST as next } from "../queues/[id]/next/route";
import { POST as postQueue } from "../queues/route";
import { POST as postRubric } from "../rubrics/route";
import { GET as getEpisode } from "./[id]/route";
import { GET as getReview } from "./[id]/review/route";
import { POST as postJudgment } from "./[id]/review/judgments/route";
import { POST as bulk } from "./bulk/route";
import { GET as facets } from "./facets/route";
import { GET as groups } from "./groups/route";
import { GET as list } from "./route";

const run = randomBytes(4).toString("hex");
let team: Awaited<ReturnType<typeof signInTeam>>;
let key: Caller;
let episodes: number[];
let batchId: number;
let rubric: Rubric;
let queue: Queue;
/** The queue item ann judged (J), the other one (K), and an episode ann judged outside any queue (O). */
let judged: number;
let other: number;
let outside: number;

const instance = (id: number) => `blind${run}__review-${episodes.indexOf(id)}`;
const complete = { quality: 4, solves: true, issue: "loop", tags: ["hard"] };

async function claimAndJudge(caller: Caller, verdict: "approve" | "reject"): Promise<number> {
  const { slot } = (await call<ClaimResult>(next, caller, { method: "POST", params: { id: queue.id } })).body;
  const response = await call<Judgment>(postJudgment, caller, {
    method: "POST",
    params: { id: slot!.episodeId },
    body: { queueId: queue.id, scores: complete, labels: [`by-${caller.email.split("-")[0]}`], verdict, submit: true },
  });
  expect(response.status).toBe(201);
  return slot!.episodeId;
}

const listAs = (caller: Caller, query: string) => call<EpisodeList>(list, caller, { query: `batch=${batchId}&limit=50&sort=id&dir=asc&${query}` });
const idsAs = async (caller: Caller, query: string) => (await listAs(caller, query)).body.items.map((i) => i.id);
const rowAs = async (caller: Caller, id: number) => (await listAs(caller, "")).body.items.find((i) => i.id === id)!;

beforeAll(async () => {
  team = await signInTeam(`blind${run}`);
  key = { headers: { authorization: `Bearer ${(await createApiKey({ name: `blind-${run}`, role: "annotator" })).key}` }, id: null, email: "", role: "annotator" };
  ({ ids: episodes, batchId } = await seedEpisodes(`blind${run}`, 4));
  rubric = (await call<Rubric>(postRubric, team.admin, { method: "POST", body: sampleRubric(`Blind ${run}`) })).body;
  queue = (
    await call<Queue>(postQueue, team.admin, {
      method: "POST",
      body: { name: `Blind ${run}`, rubricId: rubric.id, query: `batch=${batchId}&instance=blind${run}__review-0,blind${run}__review-1`, overlap: 2, isBlind: true },
    })
  ).body;
  judged = await claimAndJudge(team.ann, "approve");
  other = episodes.slice(0, 2).find((id) => id !== judged)!;
  outside = episodes[2];
  const free = await call(postJudgment, team.ann, { method: "POST", params: { id: outside }, body: { rubricVersionId: rubric.current.id, scores: complete, verdict: "approve", submit: true } });
  expect(free.status).toBe(201);
  // A bulk label (curators' own) and a bulk status on the judged item.
  for (const body of [
    { action: "label_add", label: "curated" },
    { action: "set_review", reviewStatus: "rejected" },
  ])
    expect((await call(bulk, team.rev, { method: "POST", body: { query: `batch=${batchId}&instance=${instance(judged)}`, expectedCount: 1, ...body } })).status).toBe(200);
});
afterAll(() => disconnect());

describe("an annotator who has not judged a blind item yet", () => {
  it("sees it in the list as unjudged: pending, no score, only the bulk labels", async () => {
    expect(await rowAs(team.rev, judged)).toMatchObject({ reviewStatus: "rejected", score: 1, labels: ["by-ann", "curated", "hard", "loop"] });
    for (const caller of [team.bob, key]) {
      expect(await rowAs(caller, judged)).toMatchObject({ reviewStatus: "pending", score: null, labels: ["curated"] });
      // Outside blind queues nothing is withheld.
      expect(await rowAs(caller, outside)).toMatchObject({ reviewStatus: "approved", score: 1, labels: ["hard", "loop"] });
    }
  });

  it("cannot find it by the withheld status, score, labels or annotators, and the counts agree", async () => {
    const cases: [string, number[], number[]][] = [
      ["review=rejected", [judged], []],
      ["review=pending", [other, episodes[3]], [judged, other, episodes[3]]],
      ["label=hard", [judged, outside], [outside]],
      ["label=by-ann", [judged], []],
      ["label=curated", [judged], [judged]],
      ["score=0.5..", [judged, outside], [outside]],
      [`annotator=${team.ann.id}`, [judged, outside], [outside]],
    ];
    for (const [query, forReviewer, forBob] of cases) {
      const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);
      expect(await idsAs(team.rev, query)).toEqual(sorted(forReviewer));
      const page = await listAs(team.bob, query);
      expect([query, page.body.items.map((i) => i.id)]).toEqual([query, sorted(forBob)]);
      expect(page.body.total).toBe(forBob.length);
    }
  });

  it("does not see it in facet counts, histograms, groups or Insights either", async () => {
    const counts = (await call<FacetCounts>(facets, team.bob, { query: `batch=${batchId}` })).body;
    const countOf = (facet: keyof FacetCounts["facets"], value: string) => counts.facets[facet].find((v) => v.value === value)?.count ?? 0;
    expect([countOf("review", "rejected"), countOf("review", "pending"), countOf("review", "approved")]).toEqual([0, 3, 1]);
    expect([countOf("label", "by-ann"), countOf("label", "hard"), countOf("label", "curated")]).toEqual([0, 1, 1]);
    expect(countOf("annotator", team.ann.id!)).toBe(1);
    expect(counts.histograms.score.buckets.reduce((n, b) => n + b.count, 0)).toBe(1);
    const reviewerCounts = (await call<FacetCounts>(facets, team.rev, { query: `batch=${batchId}` })).body;
    expect(reviewerCounts.facets.review.find((v) => v.value === "rejected")?.count).toBe(1);

    const grouped = (await call<RolloutGroupList>(groups, team.bob, { query: `batch=${batchId}&label=hard` })).body;
    expect(grouped.items.map((g) => g.instanceId)).toEqual([instance(outside)]);
    const progress = (await call(insights, team.bob, { query: `batch=${batchId}` })).body.review;
    expect(progress).toMatchObject({ pending: 3, reviewed: 1 });
    expect((await call(insights, team.rev, { query: `batch=${batchId}` })).body.review).toMatchObject({ pending: 2, reviewed: 2 });
  });

  it("sees the episode itself and its review as unjudged", async () => {
    const episode = await call(getEpisode, team.bob, { params: { id: judged } });
    expect(episode.body).toMatchObject({ reviewStatus: "pending", score: null, reviewedAt: null, labels: ["curated"], annotators: [], reviewLabels: [], bulkLabels: ["curated"] });
    expect((await call(getEpisode, team.rev, { params: { id: judged } })).body).toMatchObject({ reviewStatus: "rejected", score: 1, annotators: [team.ann.id] });
    const review = await call(getReview, team.bob, { params: { id: judged } });
    expect(review.body).toMatchObject({ isBlind: true, reviewStatus: "pending", score: null, labels: ["curated"], annotators: [], judgments: [], hiddenJudgments: 1 });
  });

  it("keeps what the judge who submitted sees, and what viewers see (they never judge)", async () => {
    for (const caller of [team.ann, team.viewer]) expect(await rowAs(caller, judged)).toMatchObject({ reviewStatus: "rejected", score: 1 });
    expect(await idsAs(team.ann, "label=by-ann")).toEqual([judged]);
  });
});

describe("after submitting", () => {
  it("shows an annotator the item once they judged it, and withholds the one they have not", async () => {
    // Bob gets the untouched item first, then the one ann judged.
    expect(await claimAndJudge(team.bob, "reject")).toBe(other);
    expect(await claimAndJudge(team.bob, "approve")).toBe(judged);
    expect(await rowAs(team.bob, judged)).toMatchObject({ reviewStatus: "approved", score: 1, labels: ["by-ann", "by-bob", "curated", "hard", "loop"] });
    expect(await idsAs(team.bob, "label=by-ann")).toEqual([judged]);
    // Now ann has not judged bob's first item.
    expect(await rowAs(team.ann, other)).toMatchObject({ reviewStatus: "pending", score: null, labels: [] });
    expect(await idsAs(team.ann, "label=by-bob")).toEqual([judged]);
  });

  it("shows everything once the queue closes", async () => {
    expect((await call(patchQueue, team.admin, { method: "PATCH", params: { id: queue.id }, body: { status: "closed" } })).status).toBe(200);
    expect(await idsAs(team.ann, "label=by-bob")).toEqual([judged, other].sort((a, b) => a - b));
    expect((await call<Queue>(getQueue, team.ann, { params: { id: queue.id } })).body.status).toBe("closed");
  });
});
