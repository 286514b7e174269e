/**
 * Decontamination and split leakage, checked on a real export's files rather than on the plan: a
 * corpus with SWE-bench repositories (by repo, by instance id alone, in another letter case) and
 * episodes on a user's list file is exported, and the shards are read back — none of those
 * episodes is in them, and no repository has records on both sides of the split.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnect } from "@/lib/db";
import { seedPlanCorpus, type PlanEpisodeSpec } from "@/lib/testing/plan-corpus";
import type { RecipeInput } from "../recipe/schema";
import type { ExportManifest } from "../write/manifest";
import { atelierExportDeps } from "./atelier-deps";
import { runExport } from "./run-export";

const run = randomBytes(4).toString("hex");
const root = fs.mkdtempSync(path.join(os.tmpdir(), "atelier-export-leakage-"));
const words = (key: string) => Array.from({ length: 60 }, (_, i) => `${key}w${i}`).join(" ") + ` ${run}`;
const spec = (key: string, repo: string | null, instanceId?: string | null): PlanEpisodeSpec => ({ key, model: `${run}/m`, repo, instanceId, task: words(key) });

/** 10 clean repositories of 1 to 4 episodes each, and the episodes that must never be exported. */
const clean = Array.from({ length: 10 }, (_, r) => Array.from({ length: 1 + (r % 4) }, (_, i) => spec(`clean${r}-${i}`, `${run}/repo-${r}`))).flat();
const contaminated = {
  swebench: [
    spec("django1", "django/django", "django__django-11099"),
    spec("django2", "django/django", `${run}-django`),
    spec("sympy", null, "sympy__sympy-20590"),
    spec("requests", "PSF/Requests"),
  ],
  repos: [spec("banned", `${run}/banned`)],
  instanceIds: [spec("instance", `${run}/repo-0`, `${run}-held-out`)],
  heldout: [spec("listedRepo", `${run}/listed-repo`), spec("listedInstance", `${run}/repo-1`, `${run}-listed-instance`)],
};

let ids: Record<string, number>;
let listFile: string;

beforeAll(async () => {
  ({ ids } = await seedPlanCorpus(run, [...clean, ...Object.values(contaminated).flat()]));
  listFile = path.join(root, "held-out.txt");
  fs.writeFileSync(listFile, `# what the eval set holds\n${run}/LISTED-REPO\n\n${run}-listed-instance   # by instance id\n`);
});

afterAll(async () => {
  fs.rmSync(root, { recursive: true, force: true });
  await disconnect();
});

function recipe(file: "jsonl" | "parquet", seed: number): RecipeInput {
  return {
    name: `leakage ${run} ${seed}`,
    seed,
    components: [{ name: "all", filter: `model=${encodeURIComponent(`${run}/m`)}`, weight: { upsample: 2 } }],
    decontamination: { swebench: true, instanceIds: [`${run}-HELD-OUT`], repos: [`${run}/banned`], lists: [{ name: "heldout", file: listFile }] },
    split: { validation: 0.3 },
    format: { file, shardMb: 0.004 },
  };
}

type Row = { episodeId: number; repo: string | null; instanceId: string | null; split: string; shard: string };

async function readRows(outDir: string, manifest: ExportManifest): Promise<Row[]> {
  if (manifest.recipe.format.file === "jsonl") {
    return manifest.shards.flatMap((shard) =>
      fs
        .readFileSync(path.join(outDir, shard.path), "utf8")
        .trimEnd()
        .split("\n")
        .map((line) => JSON.parse(line).meta)
        .map((meta) => ({ episodeId: meta.episode_id, repo: meta.repo, instanceId: meta.instance_id, split: meta.split, shard: shard.path })),
    );
  }
  const { DuckDBInstance } = await import("@duckdb/node-api");
  const db = await DuckDBInstance.create(":memory:");
  const connection = await db.connect();
  try {
    const result = await connection.runAndReadAll(
      `SELECT episode_id, repo, instance_id, split, parse_filename(filename) AS shard FROM read_parquet('${outDir}/data/*.parquet', filename = true) ORDER BY id`,
    );
    return result.getRowObjectsJS().map((r) => ({ episodeId: Number(r.episode_id), repo: r.repo as string | null, instanceId: r.instance_id as string | null, split: r.split as string, shard: `data/${r.shard}` }));
  } finally {
    connection.closeSync();
    db.closeSync();
  }
}

describe.each([
  ["jsonl", 1],
  ["jsonl", 2],
  ["parquet", 3],
] as const)("a real export (%s, seed %d)", (file, seed) => {
  let manifest: ExportManifest;
  let rows: Row[];

  beforeAll(async () => {
    const outDir = path.join(root, `${file}-${seed}`);
    manifest = await runExport({ recipe: recipe(file, seed), recipeVersionId: null, outDir, deps: atelierExportDeps({ confined: false }) });
    rows = await readRows(outDir, manifest);
  });

  it("holds no decontaminated episode, and the report counts each list", () => {
    const banned = Object.values(contaminated).flat().map((s) => ids[s.key]);
    const inManifest = new Set(manifest.shards.flatMap((s) => s.entries.map(([id]) => id)));
    const inFiles = new Set(rows.map((r) => r.episodeId));
    expect(inFiles).toEqual(inManifest);
    for (const id of banned) {
      expect(inManifest.has(id), `episode ${id} in the manifest`).toBe(false);
      expect(inFiles.has(id), `episode ${id} in the files`).toBe(false);
    }
    // Every clean episode is there, twice (upsample 2).
    expect(rows).toHaveLength(clean.length * 2);
    for (const s of clean) expect(rows.filter((r) => r.episodeId === ids[s.key]), s.key).toHaveLength(2);
    expect(manifest.plan.decontamination).toEqual({ swebench: 4, instanceIds: 1, repos: 1, heldout: 2 });
    for (const row of rows) expect(["django/django", "sympy/sympy", "psf/requests"]).not.toContain(row.repo?.toLowerCase());
  });

  it("puts every repository on one side of the split only, each record in its split's shards", () => {
    const sides = new Map<string, Set<string>>();
    for (const row of rows) {
      expect(row.shard.startsWith(`data/${row.split}-`), row.shard).toBe(true);
      const repo = row.repo?.toLowerCase() ?? `instance:${row.instanceId}`;
      sides.set(repo, (sides.get(repo) ?? new Set()).add(row.split));
    }
    const both = [...sides].filter(([, splits]) => splits.size > 1).map(([repo]) => repo);
    expect(both).toEqual([]);
    const validation = [...sides].filter(([, splits]) => splits.has("validation")).length;
    expect(validation).toBeGreaterThan(0);
    expect(validation).toBeLessThan(sides.size);
    expect(manifest.splits.train.records + manifest.splits.validation.records).toBe(rows.length);
    expect(manifest.splits.validation.records).toBe(rows.filter((r) => r.split === "validation").length);
  });
});
