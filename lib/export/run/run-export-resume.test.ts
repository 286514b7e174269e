import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parquetReadObjects } from "hyparquet";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConflictError } from "@/lib/errors";
import type { ExportProgress } from "./deps";
import { runExport } from "./run-export";
import { fakeDeps, fakeRecipe } from "./testing/fake-deps";

let root: string;
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "atelier-export-"));
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const recipes = {
  jsonl: fakeRecipe,
  parquet: { ...fakeRecipe, format: { file: "parquet" as const, shardMb: 0.004 } },
};

function filesOf(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.set(path.relative(dir, path.join(entry.parentPath, entry.name)), fs.readFileSync(path.join(entry.parentPath, entry.name)));
  }
  return files;
}

describe.each(["jsonl", "parquet"] as const)("runExport cancel and resume (%s)", (format) => {
  const recipe = recipes[format];

  it("stops at the next record on abort, leaves resumable state and no manifest, and resumes to identical bytes", async () => {
    const whole = await runExport({ recipe, recipeVersionId: null, outDir: path.join(root, "whole"), deps: fakeDeps() });

    const outDir = path.join(root, "resumed");
    const controller = new AbortController();
    let renders = 0;
    const cancelled = fakeDeps({ onRender: () => ++renders === 60 && controller.abort() });
    await expect(runExport({ recipe, recipeVersionId: null, outDir, deps: cancelled, signal: controller.signal })).rejects.toMatchObject({ name: "AbortError" });
    expect(renders).toBe(60);
    expect(fs.existsSync(path.join(outDir, "manifest.json"))).toBe(false);
    const checkpoint = JSON.parse(fs.readFileSync(path.join(outDir, ".partial", "checkpoint.json"), "utf8"));
    expect(checkpoint.shards.length).toBeGreaterThan(0);
    expect(checkpoint.position).toBeGreaterThan(0);
    expect(checkpoint.position).toBeLessThan(60);

    // The corpus changes between the runs: the resume still writes the saved plan.
    const resumedDeps = fakeDeps();
    resumedDeps.planExport = () => Promise.reject(new Error("a resume must not plan again"));
    const progress: ExportProgress[] = [];
    const resumed = await runExport({
      recipe, recipeVersionId: null, outDir, deps: resumedDeps,
      onProgress: (p) => {
        progress.push(p);
        if (p.phase === "writing") expect(fs.existsSync(path.join(outDir, "manifest.json"))).toBe(false);
      },
    });
    expect(progress[0]).toMatchObject({ phase: "writing", done: checkpoint.position, total: 150 });
    expect(progress[1].done).toBeGreaterThan(checkpoint.position);
    expect(progress.at(-1)).toMatchObject({ phase: "finalizing", done: 150, total: 150 });

    const a = filesOf(path.join(root, "whole"));
    const b = filesOf(outDir);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [name, bytes] of a) if (name !== "manifest.json") expect(b.get(name)?.equals(bytes), name).toBe(true);
    expect({ ...resumed, createdAt: "" }).toEqual({ ...whole, createdAt: "" });
  });
});

describe("runExport (Parquet)", () => {
  it("numbers the rows of all shards in order and keeps the nested messages", async () => {
    const manifest = await runExport({ recipe: recipes.parquet, recipeVersionId: null, outDir: root, deps: fakeDeps() });
    const rows = [];
    for (const shard of manifest.shards) {
      const bytes = fs.readFileSync(path.join(root, shard.path));
      rows.push(...(await parquetReadObjects({ file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) })));
    }
    expect(rows.map((r) => r.id)).toEqual(rows.map((_, i) => BigInt(i)));
    expect(rows.map((r) => Number(r.episode_id))).toEqual(manifest.shards.flatMap((s) => s.entries.map((e) => e[0])));
    expect(rows[0].messages[0]).toEqual({ role: "user", content: expect.stringMatching(/^step 0 of episode 1 /), reasoning_content: null, tool_calls: null, tool_call_id: null, name: null, weight: 0 });
    expect(rows.at(-1)?.split).toBe("validation");
  });
});

describe("runExport refuses", () => {
  it("a finished export of another recipe, and returns the manifest of the same one untouched", async () => {
    const manifest = await runExport({ recipe: fakeRecipe, recipeVersionId: null, outDir: root, deps: fakeDeps() });
    const before = filesOf(root);
    await expect(runExport({ recipe: { ...fakeRecipe, seed: 1 }, recipeVersionId: null, outDir: root, deps: fakeDeps() })).rejects.toThrow(ConflictError);
    await expect(runExport({ recipe: fakeRecipe, recipeVersionId: 3, outDir: root, deps: fakeDeps() })).rejects.toThrow(/already holds a finished export/);
    expect(await runExport({ recipe: fakeRecipe, recipeVersionId: null, outDir: root, deps: fakeDeps() })).toEqual(manifest);
    expect(filesOf(root)).toEqual(before);
  });

  it("another recipe's unfinished export, and a directory that holds anything else", async () => {
    const controller = new AbortController();
    const deps = fakeDeps({ onRender: () => controller.abort() });
    await expect(runExport({ recipe: fakeRecipe, recipeVersionId: null, outDir: path.join(root, "x"), deps, signal: controller.signal })).rejects.toThrow(/abort/i);
    await expect(runExport({ recipe: { ...fakeRecipe, seed: 2 }, recipeVersionId: null, outDir: path.join(root, "x"), deps: fakeDeps() })).rejects.toThrow(/unfinished export of another recipe/);
    fs.mkdirSync(path.join(root, "y"));
    fs.writeFileSync(path.join(root, "y", "notes.txt"), "mine");
    await expect(runExport({ recipe: fakeRecipe, recipeVersionId: null, outDir: path.join(root, "y"), deps: fakeDeps() })).rejects.toThrow(/not empty/);
    expect(fs.readdirSync(path.join(root, "y"))).toEqual(["notes.txt"]);
  });
});
