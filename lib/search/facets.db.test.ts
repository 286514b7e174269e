import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnect, prisma } from "@/lib/db";
import { seedSearchCorpus } from "@/lib/testing/search-corpus";
import { facetCounts } from "./facets";
import { episodeFilterSchema } from "./filter";

const run = `f${randomBytes(4).toString("hex")}`;
let batchId: number;

beforeAll(async () => {
  batchId = await seedSearchCorpus(run);
});
afterAll(() => disconnect());

const countBy = <T>(items: T[], key: (item: T) => string | null) => {
  const counts = new Map<string, number>();
  for (const item of items) {
    const value = key(item);
    if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return Object.fromEntries(counts);
};
const asObject = (values: { value: string; count: number }[]) => Object.fromEntries(values.map((v) => [v.value, v.count]));

describe("facetCounts", () => {
  it("counts each facet under the filter minus its own selection", async () => {
    const alpha = `${run}/alpha`;
    const filter = episodeFilterSchema.parse({ batch: String(batchId), model: alpha, review: "approved" });
    const { facets } = await facetCounts(filter);
    const inBatch = await prisma.episode.findMany({ where: { importBatchId: batchId } });

    // model: every model of the approved episodes, not just the selected one
    const approved = inBatch.filter((e) => e.reviewStatus === "approved");
    expect(asObject(facets.model)).toEqual(countBy(approved, (e) => e.model));
    // review: every review status of alpha's episodes
    const alphas = inBatch.filter((e) => e.model === alpha);
    expect(asObject(facets.review)).toEqual(countBy(alphas, (e) => e.reviewStatus));
    // other facets: under the whole filter
    const both = alphas.filter((e) => e.reviewStatus === "approved");
    expect(both.length).toBeGreaterThan(0);
    expect(asObject(facets.exit)).toEqual(countBy(both, (e) => e.exitStatusClass));
    expect(asObject(facets.resolved)).toEqual(countBy(both, (e) => (e.resolved === null ? "unknown" : String(e.resolved))));
    expect(asObject(facets.flag)).toEqual(countBy(both.flatMap((e) => e.qualityFlags), (f) => f));
    expect(facets.batch).toEqual([{ value: String(batchId), count: both.length }]);
    expect(asObject(facets.kind)).toEqual({ environmental: both.length });
  });

  it("orders values by count, most first", async () => {
    const { facets } = await facetCounts(episodeFilterSchema.parse({ batch: String(batchId) }));
    const counts = facets.source.map((v) => v.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(asObject(facets.source)).toEqual({ "mini-swe-agent": 12, "r2e-gym": 3 });
  });

  it("builds histograms that account for every value", async () => {
    const filter = episodeFilterSchema.parse({ batch: String(batchId), source: "mini-swe-agent" });
    const { histograms } = await facetCounts(filter);
    const episodes = await prisma.episode.findMany({ where: { importBatchId: batchId, sourceFormat: "mini-swe-agent" } });
    const steps = histograms.steps;
    expect(steps.min).toBe(Math.min(...episodes.map((e) => e.stepCount)));
    expect(steps.max).toBe(Math.max(...episodes.map((e) => e.stepCount)));
    expect(steps.buckets.reduce((n, b) => n + b.count, 0)).toBe(episodes.length);
    for (const bucket of steps.buckets)
      expect(bucket.count).toBe(episodes.filter((e) => e.stepCount >= bucket.from && e.stepCount <= bucket.to).length);
    const costs = episodes.filter((e) => e.costUsd !== null);
    expect(histograms.cost.buckets.reduce((n, b) => n + b.count, 0)).toBe(costs.length);
    expect(histograms.cost.buckets.length).toBeGreaterThanOrEqual(10);
    expect(histograms.tokens.buckets.reduce((n, b) => n + b.count, 0)).toBe(episodes.length);
  });
});
