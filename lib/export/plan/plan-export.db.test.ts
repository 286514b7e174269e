import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "@/lib/auth/users";
import { disconnect, pool } from "@/lib/db";
import { InvalidInputError, NotFoundError } from "@/lib/errors";
import { seedPlanCorpus, type PlanEpisodeSpec } from "@/lib/testing/plan-corpus";
import { canonicalQuery } from "@/lib/views/canonical-query";
import { recipeSchema, type RecipeInput } from "../recipe/schema";
import type { Plan } from "../types";
import { planExport, type PlanProgress } from "./plan-export";

const run = randomBytes(4).toString("hex");
const words = (key: string, n = 150) => Array.from({ length: n }, (_, i) => `${key}w${i}`).join(" ") + ` ${run}`;
const alpha = `${run}/alpha`;
const beta = `${run}/beta`;

const specs: PlanEpisodeSpec[] = [
  ...[1, 2, 3, 4, 5, 6].map((n) => ({ key: `a${n}`, model: alpha, repo: `${run}/alpha-${n}`, task: words(`a${n}`) })),
  { key: "a7", model: alpha, repo: `${run}/alpha-7`, task: words("a7"), review: "pending" },
  { key: "a8", model: alpha, repo: "django/django", task: words("a8") },
  { key: "a9", model: alpha, repo: `${run}/alpha-9`, instanceId: `heldout-${run}`, task: words("a9") },
  { key: "a10", model: alpha, repo: `${run}/alpha-10`, task: words("a10"), tokens: 5000 },
  { key: "a11", model: alpha, repo: `${run}/listed`, task: words("a11") },
  // b1 is a1 with other whitespace (exact), b2 is a2 with one word changed (near).
  { key: "b1", model: beta, repo: `${run}/beta-1`, task: words("a1").replace(/ /g, "\n  "), patch: "diff a1" },
  { key: "b2", model: beta, repo: `${run}/beta-2`, task: words("a2").replace("a2w70 ", "changed "), patch: "diff a2" },
  ...[3, 4, 5, 6].map((n) => ({ key: `b${n}`, model: beta, repo: `${run}/beta-${n}`, task: words(`b${n}`) })),
  { key: "b7", model: beta, repo: `${run}/beta-7`, task: words("b7"), review: "rejected" },
];

let batch: number;
let ids: Record<string, number>;
let keyOf: Map<number, string>;
let listFile: string;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "atelier-plan-lists-"));

beforeAll(async () => {
  ({ batch, ids } = await seedPlanCorpus(run, specs));
  keyOf = new Map(Object.entries(ids).map(([key, id]) => [id, key]));
  listFile = path.join(dir, "listed.txt");
  fs.writeFileSync(listFile, `# repositories held out\n${run}/LISTED\n`);
});

afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await disconnect();
});

const filterOf = (model: string) => `batch=${batch}&model=${encodeURIComponent(model)}`;

function recipe(components: RecipeInput["components"], extra: Partial<RecipeInput> = {}) {
  return recipeSchema.parse({
    name: `plan ${run}`,
    seed: 11,
    components,
    decontamination: { lists: [{ name: "heldout", entries: [`HELDOUT-${run}`] }, { name: "fromfile", file: listFile }] },
    split: { validation: 0 },
    ...extra,
  });
}

const both = () => recipe([{ name: "alpha", filter: filterOf(alpha) }, { name: "beta", filter: filterOf(beta) }]);
const keys = (plan: Plan, component?: number) => [...new Set(plan.entries.filter((e) => component === undefined || e.component === component).map((e) => keyOf.get(e.episodeId)!))].sort();

describe("planExport", () => {
  it("applies the review-status requirement, counting matches regardless of status", async () => {
    const plan = await planExport(both());
    const [a, b] = plan.report.components;
    expect(a).toMatchObject({ name: "alpha", matched: 11, episodes: 7, entries: 7, tokens: 5600 });
    expect(a.dropped).toEqual({ review_status: 1, over_max_tokens: 0, decontaminated: 3, exact_duplicate: 0, near_duplicate: 0, not_sampled: 0 });
    expect(keys(plan, 0)).toEqual(["a1", "a10", "a2", "a3", "a4", "a5", "a6"]);
    const withPending = await planExport(recipe([{ name: "alpha", filter: filterOf(alpha), reviewStatus: ["approved", "pending"] }]));
    expect(withPending.report.components[0].dropped.review_status).toBe(0);
    expect(keys(withPending)).toContain("a7");
    expect(b.dropped.review_status).toBe(1);
  });

  it("counts each decontamination list (SWE-bench, named entries, a list file)", async () => {
    const plan = await planExport(both());
    expect(plan.report.decontamination).toEqual({ swebench: 1, instanceIds: 0, repos: 0, heldout: 1, fromfile: 1 });
    expect(keys(plan)).not.toEqual(expect.arrayContaining(["a8"]));
    const off = await planExport(recipe([{ name: "alpha", filter: filterOf(alpha) }], { decontamination: { swebench: false } }));
    expect(keys(off)).toEqual(expect.arrayContaining(["a8", "a9", "a11"]));
  });

  it("removes exact and near duplicates across components, keeping the earlier component's episode", async () => {
    const plan = await planExport(both());
    expect(plan.report.dedup.exact).toEqual([{ removed: ids.b1, kept: ids.a1, similarity: 1 }]);
    expect(plan.report.dedup.near).toHaveLength(1);
    expect(plan.report.dedup.near[0]).toMatchObject({ removed: ids.b2, kept: ids.a2 });
    expect(plan.report.dedup.near[0].similarity).toBeGreaterThanOrEqual(0.8);
    expect(plan.report.components[1].dropped).toMatchObject({ exact_duplicate: 1, near_duplicate: 1 });
    expect(keys(plan, 1)).toEqual(["b3", "b4", "b5", "b6"]);

    const swapped = await planExport(recipe([{ name: "beta", filter: filterOf(beta) }, { name: "alpha", filter: filterOf(alpha) }]));
    expect(swapped.report.dedup.exact).toEqual([{ removed: ids.a1, kept: ids.b1, similarity: 1 }]);
    const overlapping = await planExport(recipe([{ name: "alpha", filter: filterOf(alpha) }, { name: "all", filter: `batch=${batch}` }]));
    expect(overlapping.report.dedup.exact).toEqual(expect.arrayContaining([{ removed: ids.a3, kept: ids.a3, similarity: 1 }]));
    expect(keys(overlapping, 1)).toEqual(["b3", "b4", "b5", "b6"]);
  });

  it("splits by repository with no repository on both sides", async () => {
    const plan = await planExport(recipe([{ name: "alpha", filter: filterOf(alpha) }, { name: "beta", filter: filterOf(beta) }], { split: { validation: 0.3 } }));
    const repoOf = new Map(specs.map((s) => [s.key, s.repo]));
    const sides = { train: new Set<string>(), validation: new Set<string>() };
    for (const e of plan.entries) sides[e.split].add(repoOf.get(keyOf.get(e.episodeId)!)!);
    expect(sides.validation.size).toBeGreaterThan(0);
    expect([...sides.validation].filter((r) => sides.train.has(r))).toEqual([]);
    expect(plan.report.split.validation.episodes).toBeGreaterThanOrEqual(Math.ceil(0.3 * 11));
    expect(plan.report.split.validation.repos).toBe(sides.validation.size);
  });

  it("upsamples, fills token budgets and shares", async () => {
    const tripled = await planExport(recipe([{ name: "beta", filter: filterOf(beta), weight: { upsample: 3 } }], { dedup: { exact: false, near: false } }));
    expect(tripled.entries).toHaveLength(18);
    for (const id of new Set(tripled.entries.map((e) => e.episodeId))) expect(tripled.entries.filter((e) => e.episodeId === id).map((e) => e.copy).sort()).toEqual([0, 1, 2]);

    const budget = await planExport(recipe([{ name: "beta", filter: filterOf(beta), weight: { tokens: 350 } }]));
    expect(budget.report.components[0]).toMatchObject({ entries: 4, tokens: 400 });
    expect(budget.report.components[0].dropped.not_sampled).toBe(2);

    const shared = await planExport(recipe([{ name: "alpha", filter: filterOf(alpha), maxTokens: 100, overLimit: "truncate" }, { name: "beta", filter: filterOf(beta), weight: { share: 0.5 } }]));
    const [a, b] = shared.report.components;
    expect(a).toMatchObject({ tokens: 700, truncated: 1 });
    expect(b.tokens).toBe(700);
    expect(b.share).toBe(0.5);
  });

  it("drops or truncates over-long episodes by their stored token count", async () => {
    const dropped = await planExport(recipe([{ name: "alpha", filter: filterOf(alpha), maxTokens: 1000 }]));
    expect(dropped.report.components[0]).toMatchObject({ episodes: 6, truncated: 0, tokens: 600 });
    expect(dropped.report.components[0].dropped.over_max_tokens).toBe(1);
  });

  it("is deterministic: the same recipe gives the same plan", async () => {
    const progress: PlanProgress[] = [];
    const first = await planExport(both(), { onProgress: (p) => progress.push(p) });
    expect(await planExport(both())).toEqual(first);
    expect(progress.map((p) => p.phase)).toEqual(["scan", "scan", "scan", "scan", "dedup", "split", "sample", "order"]);
    expect(progress[1]).toEqual({ phase: "scan", component: 0, name: "alpha", scanned: 10, total: 10, matched: 11 });
    const reseeded = await planExport(recipe(both().components, { seed: 12 }));
    expect(reseeded.entries.map((e) => e.episodeId)).not.toEqual(first.entries.map((e) => e.episodeId));
  });

  it("resolves a saved view's current query and reports it", async () => {
    const owner = await createUser({ email: `plan-${run}@example.com`, role: "reviewer", password: `pw-${run}-secret` });
    const query = canonicalQuery(filterOf(alpha));
    const view = await pool.query<{ id: number }>(`INSERT INTO saved_views (name, query, owner_id, is_shared, updated_at) VALUES ($1, $2, $3, false, now()) RETURNING id`, [`plan ${run}`, query, owner.id]);
    const viewId = view.rows[0].id;
    const byView = await planExport(recipe([{ name: "alpha", viewId }]));
    expect(byView.report.components[0].filter).toBe(query);
    expect(byView.entries).toEqual((await planExport(recipe([{ name: "alpha", filter: filterOf(alpha) }]))).entries);

    const stranger = { type: "api_key" as const, id: 1, name: "k", role: "reviewer" as const };
    await expect(planExport(recipe([{ name: "alpha", viewId }]), { actor: stranger })).rejects.toThrow(NotFoundError);
    await expect(planExport(recipe([{ name: "gone", viewId: 2_000_000_000 }]))).rejects.toThrow('Saved view 2000000000 (component "gone") not found.');
  });

  it("refuses a filter it cannot read instead of widening it", async () => {
    await expect(planExport(recipe([{ name: "typo", filter: `batch=${batch}&modle=x` }]))).rejects.toThrow(InvalidInputError);
    await expect(planExport(recipe([{ name: "typo", filter: `batch=${batch}&modle=x` }]))).rejects.toThrow(/Component "typo"/);
  });
});
