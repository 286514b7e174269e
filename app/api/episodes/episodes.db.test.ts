import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/auth/api-keys";
import { disconnect } from "@/lib/db";
import { parseEpisodeFilter } from "@/lib/search/filter";
import { seedSearchCorpus } from "@/lib/testing/search-corpus";
import { GET as getOpenApi } from "../openapi.json/route";
import { GET as getFacets } from "./facets/route";
import { GET as listEpisodes } from "./route";

const run = `r${randomBytes(4).toString("hex")}`;
const noParams = { params: Promise.resolve({}) };
let batchId: number;
let key: string;

beforeAll(async () => {
  batchId = await seedSearchCorpus(run);
  key = (await createApiKey({ name: `episodes-test-${run}`, role: "viewer" })).key;
});
afterAll(() => disconnect());

function call(handler: typeof listEpisodes, path: string, auth = true) {
  return handler(new Request(`http://test${path}`, { headers: auth ? { authorization: `Bearer ${key}` } : {} }), noParams);
}

describe("GET /api/episodes", () => {
  it("filters by repeated and comma-separated parameters and pages with the cursor", async () => {
    const path = `/api/episodes?batch=${batchId}&model=${run}/alpha&model=${run}/beta,${run}/gamma&steps=..100&sort=steps&dir=asc&limit=5`;
    const first = await call(listEpisodes, path);
    expect(first.status).toBe(200);
    const page = await first.json();
    expect(page).toMatchObject({ total: 12, isTotalEstimated: false });
    expect(page.items).toHaveLength(5);
    const second = await (await call(listEpisodes, `${path}&cursor=${page.nextCursor}`)).json();
    expect(second.items[0].stepCount).toBeGreaterThanOrEqual(page.items[4].stepCount);
    expect(second.items.map((i: { id: number }) => i.id)).not.toContain(page.items[4].id);
  });

  it("keeps the Episodes page's cursor-only call working", async () => {
    const page = await (await call(listEpisodes, "/api/episodes?limit=2")).json();
    const next = await (await call(listEpisodes, `/api/episodes?cursor=${page.nextCursor}`)).json();
    expect(next.items[0].id).toBeLessThan(page.items[1].id);
  });

  it("answers 422 with the zod issues on a bad parameter, while the URL parser just drops it", async () => {
    const response = await call(listEpisodes, "/api/episodes?steps=abc");
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.error.code).toBe("invalid_request");
    expect(JSON.stringify(body.error.details)).toContain("steps");
    expect((await call(listEpisodes, "/api/episodes?colour=red")).status).toBe(422);
    expect(parseEpisodeFilter(new URLSearchParams("steps=abc"))).toEqual({ sort: "created", dir: "desc" });
  });

  it("refuses anonymous callers", async () => {
    expect((await call(listEpisodes, "/api/episodes", false)).status).toBe(401);
  });
});

describe("GET /api/episodes/facets", () => {
  it("returns counts and histograms for the filter", async () => {
    const response = await call(getFacets, `/api/episodes/facets?batch=${batchId}&source=r2e-gym`);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.facets.source).toEqual([
      { value: "mini-swe-agent", count: 12 },
      { value: "r2e-gym", count: 3 },
    ]);
    expect(body.facets.model).toEqual([{ value: `${run}/r2e-model`, count: 3 }]);
    expect(body.histograms.steps.buckets.reduce((n: number, b: { count: number }) => n + b.count, 0)).toBe(3);
    expect((await call(getFacets, `/api/episodes/facets?tokens=9..1`)).status).toBe(422);
  });
});

describe("GET /api/openapi.json", () => {
  it("publishes the filter parameters from the zod schema", async () => {
    const doc = await (await call(getOpenApi, "/api/openapi.json", false)).json();
    expect(doc.openapi).toBe("3.1.0");
    const names = doc.paths["/api/episodes"].get.parameters.map((p: { name: string }) => p.name);
    expect(names).toEqual(expect.arrayContaining(["q", "kind", "model", "flag", "steps", "cost", "tool", "has_tests", "has_gold", "sort", "dir", "cursor", "limit"]));
    const flag = doc.paths["/api/episodes"].get.parameters.find((p: { name: string }) => p.name === "flag");
    expect(flag.schema.items.enum).toContain("stuck_loop");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/health", "/api/episodes/facets", "/api/episodes/{id}", "/api/episodes/{id}/steps", "/api/imports", "/api/imports/{id}", "/api/exports", "/api/exports/{id}/files/{path}", "/api/export-recipes/{id}"]),
    );
    expect(doc.paths["/api/episodes"].get.responses["200"].content["application/json"].schema.properties.items.items.properties.snippet).toBeDefined();
  });
});
