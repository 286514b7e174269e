import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConflictError } from "@/lib/errors";
import { exportManifestSchema } from "@/lib/export/write/manifest";
import { runExport } from "./run-export";
import { fakeDeps, fakeRecipe, type FakeRecord } from "./testing/fake-deps";

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "atelier-export-"));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const run = (outDir: string, deps = fakeDeps(), extra: Partial<Parameters<typeof runExport>[0]> = {}) =>
  runExport({ recipe: fakeRecipe, recipeVersionId: 7, outDir: path.join(root, outDir), deps, ...extra });

/** Every file under dir (relative path → bytes), hidden state included. */
function filesOf(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, file), fs.readFileSync(file));
  }
  return files;
}

describe("runExport (JSONL)", () => {
  it("writes Hugging Face-named shards whose manifest entries, hashes and lines agree", async () => {
    const deps = fakeDeps({ missing: [42] });
    const manifest = await run("a", deps);
    const dir = path.join(root, "a");

    const names = [...filesOf(dir).keys()].sort();
    const train = manifest.splits.train.shards;
    expect(train).toBeGreaterThan(3);
    expect(names).toEqual([
      "README.md",
      ...Array.from({ length: train }, (_, i) => `data/train-${String(i).padStart(5, "0")}-of-${String(train).padStart(5, "0")}.jsonl`),
      ...Array.from({ length: manifest.splits.validation.shards }, (_, i) => `data/validation-0000${i}-of-0000${manifest.splits.validation.shards}.jsonl`),
      "manifest.json",
      "report.json",
    ].sort());
    expect(exportManifestSchema.parse(JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8")))).toEqual(manifest);

    const written: number[] = [];
    for (const shard of manifest.shards) {
      const bytes = fs.readFileSync(path.join(dir, shard.path));
      expect(shard.bytes).toBe(bytes.length);
      expect(shard.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
      const records = bytes.toString("utf8").trimEnd().split("\n").map((line) => JSON.parse(line) as FakeRecord);
      expect(records.map((r) => [r.episode_id, manifest.recipe.components.findIndex((c) => c.name === r.component), r.copy])).toEqual(shard.entries);
      expect(new Set(records.map((r) => r.split))).toEqual(new Set([shard.split]));
      written.push(...records.map((r) => r.episode_id));
    }
    // 150 planned entries; 17, 34, 51, 68, 85, 102, 119 render as dropped (17 twice: upsampled), 42 was deleted.
    expect(written).toHaveLength(150 - 8 - 1);
    expect(manifest.components[0].dropped).toEqual({ over_max_tokens: 7, missing: 1 });
    expect(manifest.components[1].dropped).toEqual({ over_max_tokens: 1 });
    expect(manifest.totals.records).toBe(141);
    expect(manifest.recipeVersionId).toBe(7);
    // Episodes are streamed once per split, every planned entry in write order.
    expect(deps.loads).toHaveLength(2);
    expect(deps.loads.flat()).toHaveLength(150);
  });

  it("writes byte-identical shards, README and report when run twice; the manifest differs only in createdAt", async () => {
    const first = await run("a");
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await run("b");
    const a = filesOf(path.join(root, "a"));
    const b = filesOf(path.join(root, "b"));
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [name, bytes] of a) if (name !== "manifest.json") expect(b.get(name)?.equals(bytes), name).toBe(true);
    expect(second.createdAt).not.toBe(first.createdAt);
    expect({ ...second, createdAt: "" }).toEqual({ ...first, createdAt: "" });
  });

  it("reports the plan, drops and licences in report.json and the dataset card", async () => {
    const manifest = await run("a");
    const report = JSON.parse(fs.readFileSync(path.join(root, "a", "report.json"), "utf8"));
    expect(report.dedup.near).toEqual([{ removed: 501, kept: 2, similarity: 0.91 }]);
    expect(report.components[0].droppedByRender).toEqual({ over_max_tokens: 7 });
    // Every fifth episode is PR-derived (85 is dropped); every tenth records MIT, the others no licence.
    expect(manifest.licenses).toEqual({ MIT: 12 + 3, unknown: 11 + 3 });
    const card = fs.readFileSync(path.join(root, "a", "README.md"), "utf8");
    expect(card).toMatch(/^---\nlicense: other\npretty_name: "Fake mixture"\n/);
    expect(card).toContain("  - split: train\n    path: data/train-*.jsonl\n  - split: validation\n    path: data/validation-*.jsonl\n---");
    expect(card).toContain("- `MIT`: 15 records from pull requests");
    expect(card).toContain('load_dataset("json", data_files={"train": "data/train-*.jsonl", "validation": "data/validation-*.jsonl"})');
    expect(card).not.toContain(manifest.createdAt);
  });
});
