import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/auth/api-keys";
import { disconnect, prisma } from "@/lib/db";
import { seedSearchCorpus } from "@/lib/testing/search-corpus";
import { GET as getNeighbors } from "./neighbors/route";
import { GET as searchSteps } from "./search/route";
import { GET as getSteps } from "./steps/route";

const run = `v${randomBytes(4).toString("hex")}`;
let batchId: number;
let ids: number[];
let key: string;

beforeAll(async () => {
  batchId = await seedSearchCorpus(run);
  ids = (await prisma.episode.findMany({ where: { importBatchId: batchId, sourceFormat: "mini-swe-agent" }, orderBy: { id: "asc" }, select: { id: true } })).map((e) => e.id);
  key = (await createApiKey({ name: `viewer-routes-${run}`, role: "viewer" })).key;
});
afterAll(() => disconnect());

function call(handler: typeof getSteps, id: number, query: string, auth = true) {
  const request = new Request(`http://test/api/episodes/${id}/x?${query}`, { headers: auth ? { authorization: `Bearer ${key}` } : {} });
  return handler(request, { params: Promise.resolve({ id: String(id) }) });
}

describe("GET /api/episodes/:id/steps", () => {
  it("answers a range with where it ends", async () => {
    const response = await call(getSteps, ids[3], "from=1&limit=2");
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.to).toBe(3);
    expect(body.steps.map((s: { idx: number; kind: string }) => [s.idx, s.kind])).toEqual([
      [1, "message"],
      [2, "tool_call"],
    ]);
  });

  it("refuses a full read of several steps, a bad range and anonymous callers", async () => {
    expect((await call(getSteps, ids[3], "from=0&limit=2&full=true")).status).toBe(422);
    expect((await call(getSteps, ids[3], "limit=501")).status).toBe(422);
    expect((await call(getSteps, ids[3], "from=0", false)).status).toBe(401);
  });
});

describe("GET /api/episodes/:id/search", () => {
  it("lists the steps that contain the text", async () => {
    // Episode 6 of the corpus carries a unique word in its last observation.
    const episode = await prisma.episode.findFirstOrThrow({ where: { instanceId: `${run}__search-6` } });
    const response = await call(searchSteps, episode.id, `q=KANGAROO${run}`);
    expect(await response.json()).toEqual({ steps: [episode.stepCount - 1], total: 1 });
    expect((await call(searchSteps, episode.id, "q=")).status).toBe(422);
  });
});

describe("GET /api/episodes/:id/neighbors", () => {
  it("answers the previous and next episode in the filter's order", async () => {
    const filter = `batch=${batchId}&source=mini-swe-agent&sort=id&dir=asc`;
    expect(await (await call(getNeighbors, ids[3], filter)).json()).toEqual({ previous: ids[2], next: ids[4] });
    expect(await (await call(getNeighbors, ids[0], filter)).json()).toEqual({ previous: null, next: ids[1] });
    expect(await (await call(getNeighbors, ids.at(-1)!, filter)).json()).toEqual({ previous: ids.at(-2), next: null });
  });

  it("refuses a bad filter with 422 and an unknown episode with 404", async () => {
    expect((await call(getNeighbors, ids[0], "steps=abc")).status).toBe(422);
    expect((await call(getNeighbors, 2_000_000_000, "")).status).toBe(404);
  });
});
