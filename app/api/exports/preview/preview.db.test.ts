import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/auth/api-keys";
import type { Role } from "@/lib/auth/roles";
import { disconnect } from "@/lib/db";
import { seedPlanCorpus } from "@/lib/testing/plan-corpus";
import { POST as preview } from "./route";

const run = randomBytes(4).toString("hex");
const noParams = { params: Promise.resolve({}) };
const keys: Partial<Record<Role, string>> = {};
let batch: number;
let ids: Record<string, number>;

afterAll(() => disconnect());

beforeAll(async () => {
  const task = (key: string) => Array.from({ length: 60 }, (_, i) => `${key}${i}`).join(" ");
  ({ batch, ids } = await seedPlanCorpus(run, [
    { key: "one", model: `${run}/m`, repo: `${run}/one`, task: task("one") },
    { key: "copy", model: `${run}/m`, repo: `${run}/copy`, task: task("one"), patch: "diff one" },
    { key: "two", model: `${run}/m`, repo: `${run}/two`, task: task("two") },
    { key: "bench", model: `${run}/m`, repo: "psf/requests", task: task("bench") },
    { key: "waiting", model: `${run}/m`, repo: `${run}/waiting`, task: task("waiting"), review: "pending" },
  ]));
  for (const role of ["viewer", "annotator", "reviewer"] as const) keys[role] = (await createApiKey({ name: `export-preview-${role}-${run}`, role })).key;
});

function post(body: unknown, role: Role | null = "reviewer") {
  const headers: Record<string, string> = { "content-type": "application/json", ...(role ? { authorization: `Bearer ${keys[role]}` } : {}) };
  return preview(new Request("http://test/api/exports/preview", { method: "POST", headers, body: JSON.stringify(body) }), noParams);
}

const recipe = (extra: Record<string, unknown> = {}) => ({ name: `preview ${run}`, components: [{ name: "all", filter: `batch=${batch}` }], ...extra });

describe("POST /api/exports/preview", () => {
  it("answers reviewers with the plan's report: drops, duplicates with totals, splits", async () => {
    const response = await post({ recipe: recipe({ split: { validation: 0 } }) });
    expect(response.status).toBe(200);
    const { report } = await response.json();
    expect(report.components).toEqual([
      expect.objectContaining({ name: "all", filter: `batch=${batch}`, matched: 5, episodes: 2, entries: 2, tokens: 200, share: 1 }),
    ]);
    expect(report.components[0].dropped).toMatchObject({ review_status: 1, decontaminated: 1, exact_duplicate: 1 });
    expect(report.dedup).toEqual({ exact: [{ removed: ids.copy, kept: ids.one, similarity: 1 }], near: [], exactTotal: 1, nearTotal: 0 });
    expect(report.decontamination).toMatchObject({ swebench: 1 });
    expect(report.split.train).toEqual({ episodes: 2, entries: 2, tokens: 200, repos: 2 });
    expect(report.totals).toEqual({ episodes: 2, entries: 2, tokens: 200 });
  });

  it("is for reviewers and above", async () => {
    expect((await post({ recipe: recipe() }, null)).status).toBe(401);
    expect((await post({ recipe: recipe() }, "viewer")).status).toBe(403);
    expect((await post({ recipe: recipe() }, "annotator")).status).toBe(403);
  });

  it("answers 422 with the issues for a recipe that does not parse", async () => {
    const response = await post({ recipe: { name: "x", components: [], colour: "red" } });
    expect(response.status).toBe(422);
    const { error } = await response.json();
    expect(error.code).toBe("invalid_request");
    expect(JSON.stringify(error.details)).toContain("components");
  });

  it("answers 422 for shares that add up to 1 and 404 for a missing saved view", async () => {
    const shares = await post({ recipe: recipe({ components: [{ name: "a", filter: `batch=${batch}`, weight: { share: 0.5 } }, { name: "b", filter: `batch=${batch}`, weight: { share: 0.5 } }] }) });
    expect(shares.status).toBe(422);
    expect((await shares.json()).error.message).toContain("Component shares add up to 1");
    const missing = await post({ recipe: recipe({ components: [{ name: "v", viewId: 2_000_000_000 }] }) });
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.message).toBe('Saved view 2000000000 (component "v") not found.');
  });
});
