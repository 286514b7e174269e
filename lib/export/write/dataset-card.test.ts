import { describe, expect, it } from "vitest";
import { recipeSchema } from "@/lib/export/recipe/schema";
import { fakePlan } from "@/lib/export/run/testing/fake-deps";
import { cardLicense, datasetCard } from "./dataset-card";
import { buildManifest } from "./manifest";
import { emptyTally } from "./tally";

const shard = (split: "train" | "validation", index: number, records: number) => ({
  split, index, format: "parquet" as const, partialPath: `data/.${split}-0000${index}.parquet.partial`, records, tokens: records * 10,
  tokensByComponent: [records * 10], bytes: 100, sha256: "0".repeat(64), entries: Array.from({ length: records }, (_, i) => [i + 1, 0, 0] as [number, number, number]),
});

function manifestWith(licenses: Record<string, number>, description = "", shards = [shard("train", 0, 3), shard("train", 1, 2)]) {
  const recipe = recipeSchema.parse({ name: 'Ann\'s "mix"', description, components: [{ name: "prs" }], format: { file: "parquet" } });
  const tally = { ...emptyTally(1), licenses };
  return buildManifest({ recipe, recipeVersionId: 4, plan: fakePlan().report, shards, tally, createdAt: new Date(0) });
}

describe("datasetCard", () => {
  it("names the licence when every record is a pull request under one licence", () => {
    expect(cardLicense(manifestWith({ "Apache-2.0": 5 }))).toBe("apache-2.0");
    expect(cardLicense(manifestWith({ "Apache-2.0": 4 }))).toBe("other");
    expect(cardLicense(manifestWith({ "Apache-2.0": 4, unknown: 1 }))).toBe("other");
    expect(cardLicense(manifestWith({ MIT: 2, "Apache-2.0": 3 }))).toBe("other");
  });

  it("lists only the splits that have shards, quotes the name, and fences a description holding backticks", () => {
    const card = datasetCard(manifestWith({ "Apache-2.0": 5 }, "Use ```python``` blocks"));
    expect(card).toContain('pretty_name: "Ann\'s \\"mix\\""\n');
    expect(card).toContain("  data_files:\n  - split: train\n    path: data/train-*.parquet\n---\n");
    expect(card).toContain("from recipe version 4");
    expect(card).toContain('load_dataset("parquet", data_files={"train": "data/train-*.parquet"})');
    expect(card).toContain('\n````json\n{\n  "name": "Ann\'s \\"mix\\"",');
    expect(card).toContain("| train | 5 | 50 | 2 | 200 |");
  });

  it("leaves the configs out of an export without records", () => {
    const card = datasetCard(manifestWith({}, "", []));
    expect(card).toMatch(/^---\nlicense: other\n[^]*atelier\n---\n/);
    expect(card).not.toContain("configs:");
  });
});
