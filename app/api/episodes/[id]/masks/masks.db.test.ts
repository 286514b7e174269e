import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAudit } from "@/lib/audit/record";
import { disconnect, prisma } from "@/lib/db";
import type { EffectiveMasks, EpisodeMasks } from "@/lib/review/masks/schema";
import { call, seedEpisodes, signIn, type Caller } from "@/lib/review/testing/fixtures";
import { DELETE as deleteMask } from "./[maskId]/route";
import { POST as confirm } from "./confirm/route";
import { GET as effective } from "./effective/route";
import { GET as getMasks, POST as postMask } from "./route";

const run = randomBytes(4).toString("hex");
let ann: Caller;
let bob: Caller;
let rev: Caller;
let viewer: Caller;
let looping: number;
let clean: number;
let loop: { startStep: number; endStep: number };
let stepCount: number;

beforeAll(async () => {
  [ann, bob, rev, viewer] = await Promise.all([signIn("ann", "annotator", run), signIn("bob", "annotator", run), signIn("rev", "reviewer", run), signIn("viewer", "viewer", run)]);
  [looping, clean] = (await seedEpisodes(`mask${run}`, 2)).ids;
  const content = await prisma.episodeContent.findUniqueOrThrow({ where: { episodeId: looping }, select: { quality: true, episode: { select: { stepCount: true } } } });
  loop = (content.quality as { loop: { startStep: number; endStep: number } }).loop;
  stepCount = content.episode.stepCount;
});
afterAll(() => disconnect());

const masksOf = async (id: number) => (await call<EpisodeMasks>(getMasks, viewer, { params: { id } })).body;
const effectiveOf = async (id: number) => (await call<EffectiveMasks>(effective, viewer, { params: { id } })).body;

describe("step masks", () => {
  it("proposes the detected loop as context only, visibly as a proposal, until someone confirms", async () => {
    expect(loop).toBeTruthy();
    const masks = await masksOf(looping);
    expect(masks.masks).toEqual([]);
    expect(masks.proposals).toEqual([expect.objectContaining({ key: `loop:${loop.startStep}-${loop.endStep}`, startStep: loop.startStep, endStep: loop.endStep, mask: "context", proposed: true })]);
    const steps = (await effectiveOf(looping)).steps;
    expect(steps).toHaveLength(stepCount);
    expect(steps.filter((s) => s.proposed).map((s) => s.idx)).toEqual(Array.from({ length: loop.endStep - loop.startStep + 1 }, (_, i) => loop.startStep + i));
    expect(steps.every((s) => (s.proposed ? s.mask === "context" : s.mask === "train" && s.source === "default"))).toBe(true);
    expect((await masksOf(clean)).proposals).toEqual([]);
  });

  it("confirms proposals into a person's masks, which then are no longer proposals", async () => {
    const response = await call(confirm, ann, { method: "POST", params: { id: looping }, body: {} });
    expect(response.status).toBe(200);
    expect(response.body.items).toEqual([expect.objectContaining({ mask: "context", proposed: false, proposalKey: `loop:${loop.startStep}-${loop.endStep}`, createdBy: expect.objectContaining({ email: ann.email }) })]);
    expect((await masksOf(looping)).proposals).toEqual([]);
    const steps = (await effectiveOf(looping)).steps;
    expect(steps.some((s) => s.proposed)).toBe(false);
    expect(steps[loop.startStep]).toMatchObject({ mask: "context", source: "mask", maskId: response.body.items[0].id });
    const [event] = await listAudit({ targetType: "episode", targetId: looping });
    expect(event).toMatchObject({ action: "mask.create", actor: ann.email, after: { mask: "context", startStep: loop.startStep } });
  });

  it("marks any range; the newest mask wins where ranges overlap; the range must be inside the episode", async () => {
    const wide = await call(postMask, bob, { method: "POST", params: { id: clean }, body: { startStep: 0, endStep: 3, mask: "context" } });
    expect(wide.status).toBe(201);
    const narrow = await call(postMask, ann, { method: "POST", params: { id: clean }, body: { startStep: 2, endStep: 2, mask: "drop", reason: "leaks the answer" } });
    expect(narrow.status).toBe(201);
    const result = await effectiveOf(clean);
    expect(result.runs.slice(0, 3)).toEqual([
      { startStep: 0, endStep: 1, mask: "context", source: "mask", proposed: false },
      { startStep: 2, endStep: 2, mask: "drop", source: "mask", proposed: false },
      { startStep: 3, endStep: 3, mask: "context", source: "mask", proposed: false },
    ]);
    const outside = await call(postMask, ann, { method: "POST", params: { id: clean }, body: { startStep: 0, endStep: 500, mask: "drop" } });
    expect(outside.status).toBe(422);
    expect(outside.body.error.message).toContain("steps");
    expect((await call(postMask, ann, { method: "POST", params: { id: clean }, body: { startStep: 3, endStep: 1, mask: "drop" } })).status).toBe(422);
    expect((await call(postMask, ann, { method: "POST", params: { id: clean }, body: { startStep: 0, endStep: 0, mask: "drop", proposalKey: "loop:0-0" } })).status).toBe(422);

    // Only whoever set it (or a reviewer) removes a mask.
    expect((await call(deleteMask, ann, { method: "DELETE", params: { id: clean, maskId: wide.body.id } })).status).toBe(403);
    expect((await call(deleteMask, rev, { method: "DELETE", params: { id: clean, maskId: wide.body.id } })).status).toBe(200);
    expect((await effectiveOf(clean)).runs[0]).toEqual({ startStep: 0, endStep: 1, mask: "train", source: "default", proposed: false });
    const events = await listAudit({ targetType: "episode", targetId: clean });
    expect(events[0]).toMatchObject({ action: "mask.delete", actor: rev.email, before: { mask: "context", startStep: 0, endStep: 3 } });
    expect((await call(postMask, viewer, { method: "POST", params: { id: clean }, body: { startStep: 0, endStep: 0, mask: "drop" } })).status).toBe(403);
  });
});
