import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnect, prisma } from "@/lib/db";
import type { Episode } from "@/lib/generated/prisma/client";
import { importFiles } from "@/lib/ingest/import-files";
import { episodeFilterSchema } from "@/lib/search/filter";
import { seedSearchCorpus } from "@/lib/testing/search-corpus";
import { insights, insightsSchema, type Insights } from "./insights";
import { TOP_VALUES, type Composition } from "./shape";

const run = `i${randomBytes(4).toString("hex")}`;
const PR_COUNT = 20;
/** More distinct repos than the charts show, so the "other" bucket is exercised. */
const PR_REPOS = 17;
let batches: string;
let rows: Episode[];

function prSample(i: number): string {
  const diff = `diff --git a/f${i}.py b/f${i}.py\n--- a/f${i}.py\n+++ b/f${i}.py\n@@ -1 +1,${i + 2} @@\n x\n${"+y\n".repeat(i + 1)}`;
  return JSON.stringify({
    format: "atelier-pr-v1",
    repo: { name: `${run}/ctx-${i % PR_REPOS}`, license: "MIT" },
    issue: null,
    pull_request: { number: 100 + i, title: `Fix ${run} thing ${i}`, body: "x ".repeat(1 + i * 7) },
    commits: [{ sha: "a".repeat(40), message: `Fix ${i}`, diff }],
  });
}

async function seedPrSamples(): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "atelier-insights-test-"));
  try {
    const file = path.join(dir, `${run}-pr.jsonl`);
    fs.writeFileSync(file, Array.from({ length: PR_COUNT }, (_, i) => prSample(i)).join("\n") + "\n");
    const summary = await importFiles([{ path: file }], { source: "cli" });
    if (summary.status !== "committed" || summary.imported !== PR_COUNT) throw new Error(`PR seed failed: ${JSON.stringify(summary.errors)}`);
    return summary.batchId;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

beforeAll(async () => {
  const searchBatch = await seedSearchCorpus(run);
  const prBatch = await seedPrSamples();
  batches = `${searchBatch},${prBatch}`;
  const ids = (await prisma.episode.findMany({ where: { importBatchId: searchBatch }, orderBy: { id: "asc" }, select: { id: true } })).map((e) => e.id);
  // The search corpus approves ids[0..2] and rejects ids[3] without a review time; date most of them.
  await prisma.episode.updateMany({ where: { id: { in: ids.slice(0, 2) } }, data: { reviewedAt: new Date("2026-01-01T10:00:00Z") } });
  await prisma.episode.update({ where: { id: ids[3] }, data: { reviewedAt: new Date("2026-01-03T23:30:00Z") } });
  const pr = await prisma.episode.findFirstOrThrow({ where: { importBatchId: prBatch }, orderBy: { id: "asc" } });
  await prisma.episode.update({ where: { id: pr.id }, data: { reviewStatus: "needs_changes", reviewedAt: new Date("2026-01-02T08:00:00Z") } });
  // Known outcomes for some mini-swe-agent runs, so every model has a rate to check.
  await prisma.episode.updateMany({ where: { id: { in: ids.slice(4, 7) } }, data: { resolved: true } });
  await prisma.episode.updateMany({ where: { id: { in: ids.slice(7, 9) } }, data: { resolved: false } });
  rows = await prisma.episode.findMany({ where: { importBatchId: { in: [searchBatch, prBatch] } } });
});
afterAll(() => disconnect());

const filterOf = (params: Record<string, string>) => episodeFilterSchema.parse({ batch: batches, ...params });

function countBy(episodes: Episode[], key: (e: Episode) => string | null): Map<string | null, number> {
  const counts = new Map<string | null, number>();
  for (const e of episodes) counts.set(key(e), (counts.get(key(e)) ?? 0) + 1);
  return counts;
}

/** The composition agrees with independent counts: exact top values, unknown, and the rest as other. */
function expectComposition(composition: Composition, counts: Map<string | null, number>) {
  const named = [...counts].filter((entry): entry is [string, number] => entry[0] !== null);
  expect(composition.values.length).toBe(Math.min(TOP_VALUES, named.length));
  for (const { value, count } of composition.values) expect(count).toBe(counts.get(value));
  const shown = new Set(composition.values.map((v) => v.value));
  const hidden = named.filter(([value]) => !shown.has(value));
  expect(composition.other).toEqual({ values: hidden.length, count: hidden.reduce((n, [, c]) => n + c, 0) });
  expect(composition.unknown).toBe(counts.get(null) ?? 0);
  const smallestShown = Math.min(...composition.values.map((v) => v.count));
  for (const [, count] of hidden) expect(count).toBeLessThanOrEqual(smallestShown);
}

function expectTotals(result: Insights, episodes: Episode[]) {
  expect(result.totals.episodes).toBe(episodes.length);
  expect(result.totals.tokens).toBe(episodes.reduce((n, e) => n + e.tokenCount, 0));
  for (const { kind, episodes: n, tokens, tokenShare } of result.byKind) {
    const ofKind = episodes.filter((e) => e.kind === kind);
    expect(n).toBe(ofKind.length);
    expect(tokens).toBe(ofKind.reduce((sum, e) => sum + e.tokenCount, 0));
    expect(tokenShare).toBeCloseTo(tokens / result.totals.tokens, 10);
  }
}

describe("insights", () => {
  it("matches independent counts over the whole selection", async () => {
    const result = insightsSchema.parse(await insights(filterOf({})));
    expect(rows.length).toBe(15 + PR_COUNT);
    expectTotals(result, rows);
    expect(result.byKind.map((k) => [k.kind, k.episodes])).toEqual([
      ["environmental", 15],
      ["contextual", PR_COUNT],
    ]);
    expectComposition(result.composition.source, countBy(rows, (e) => e.sourceFormat));
    expectComposition(result.composition.model, countBy(rows, (e) => e.model));
    expectComposition(result.composition.repo, countBy(rows, (e) => e.repo));
    expect(result.composition.repo.other.values).toBeGreaterThan(0);
    expect(result.composition.model.unknown).toBe(PR_COUNT);
  });

  it("gives resolved rates per model from resolved, unresolved and unknown outcomes", async () => {
    const { resolvedRate } = await insights(filterOf({}));
    const models = new Set(rows.map((e) => e.model).filter((m) => m !== null));
    expect(resolvedRate.model.values.map((v) => v.value).sort()).toEqual([...models].sort());
    for (const row of resolvedRate.model.values) {
      const of = rows.filter((e) => e.model === row.value);
      const resolved = of.filter((e) => e.resolved === true).length;
      const unresolved = of.filter((e) => e.resolved === false).length;
      expect(row).toEqual({ value: row.value, resolved, unresolved, unknown: of.length - resolved - unresolved, rate: resolved / (resolved + unresolved) });
    }
    expect(resolvedRate.model.unknown).toEqual({ resolved: 0, unresolved: 0, unknown: PR_COUNT, rate: null });
    // Repos with known outcomes come first; never-judged pull-request repos fill the rest.
    expect(resolvedRate.repo.values[0].rate).not.toBeNull();
    expect(resolvedRate.repo.values.at(-1)?.rate).toBeNull();
  });

  it("buckets steps, tokens and patch size over every episode", async () => {
    const { distributions } = await insights(filterOf({}));
    for (const [key, column] of [["steps", "stepCount"], ["tokens", "tokenCount"], ["patch", "patchBytes"]] as const) {
      const histogram = distributions[key];
      expect(histogram.buckets.reduce((n, b) => n + b.count, 0)).toBe(rows.length);
      expect(histogram.max).toBe(Math.max(...rows.map((e) => e[column])));
      for (const bucket of histogram.buckets)
        expect(bucket.count).toBe(rows.filter((e) => e[column] >= bucket.from && e[column] <= bucket.to).length);
    }
  });

  it("shows review progress per day with a running total, pending and undated reviews", async () => {
    const { review } = await insights(filterOf({}));
    expect(review.days).toEqual([
      { day: "2026-01-01", approved: 2, rejected: 0, needs_changes: 0, cumulative: 2 },
      { day: "2026-01-02", approved: 0, rejected: 0, needs_changes: 1, cumulative: 3 },
      { day: "2026-01-03", approved: 0, rejected: 1, needs_changes: 0, cumulative: 4 },
    ]);
    expect(review.reviewed).toBe(rows.filter((e) => e.reviewStatus !== "pending").length);
    expect(review.pending).toBe(rows.filter((e) => e.reviewStatus === "pending").length);
    expect(review.undated).toBe(1);
  });

  it("follows the filter", async () => {
    const contextual = await insights(filterOf({ kind: "contextual" }));
    const prRows = rows.filter((e) => e.kind === "contextual");
    expectTotals(contextual, prRows);
    expect(contextual.totals.episodes).toBe(PR_COUNT);
    expect(contextual.byKind.find((k) => k.kind === "contextual")?.tokenShare).toBe(1);
    expect(contextual.byKind.find((k) => k.kind === "environmental")).toEqual({ kind: "environmental", episodes: 0, tokens: 0, tokenShare: 0 });
    expectComposition(contextual.composition.repo, countBy(prRows, (e) => e.repo));
    expect(contextual.review.days.map((d) => d.day)).toEqual(["2026-01-02"]);

    const alpha = `${run}/alpha`;
    const longest = Math.max(...rows.filter((e) => e.model === alpha).map((e) => e.stepCount));
    const byModel = await insights(filterOf({ model: alpha, steps: `${longest}..` }));
    const alphaRows = rows.filter((e) => e.model === alpha && e.stepCount >= longest);
    expect(alphaRows.length).toBeGreaterThan(0);
    expect(alphaRows.length).toBeLessThan(rows.filter((e) => e.model === alpha).length);
    expectTotals(byModel, alphaRows);
    expect(byModel.composition.model).toEqual({ values: [{ value: alpha, count: alphaRows.length }], unknown: 0, other: { values: 0, count: 0 } });
    expect(byModel.distributions.steps.min).toBe(Math.min(...alphaRows.map((e) => e.stepCount)));
  });

  it("is empty, not broken, when nothing matches", async () => {
    const result = insightsSchema.parse(await insights(filterOf({ model: `${run}/nobody` })));
    expect(result.totals).toEqual({ episodes: 0, tokens: 0 });
    expect(result.byKind.map((k) => k.tokenShare)).toEqual([null, null]);
    expect(result.composition.model).toEqual({ values: [], unknown: 0, other: { values: 0, count: 0 } });
    expect(result.distributions.steps.buckets).toEqual([]);
    expect(result.review).toEqual({ days: [], pending: 0, reviewed: 0, undated: 0 });
  });
});
