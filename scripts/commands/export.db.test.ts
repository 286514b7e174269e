/** `atelier export` as a user runs it: the example recipe, --json, bad recipes, reruns, Ctrl-C and exit codes. */
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnect, pool } from "@/lib/db";
import { createExportJob } from "@/lib/export/jobs/jobs";
import { exampleRecipeInput } from "@/lib/export/recipe/example";
import { recipeSchema, swebenchRepos } from "@/lib/export/recipe/schema";
import { exportManifestSchema, type ExportManifest } from "@/lib/export/write/manifest";
import { importFiles } from "@/lib/ingest/import-files";
import { generatePrSample } from "@/lib/sample/pr-sample";
import { createRng } from "@/lib/sample/random";
import { pullRequestRepos } from "@/lib/sample/repos";
import { seedPlanCorpus } from "@/lib/testing/plan-corpus";

const run = randomBytes(4).toString("hex");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "atelier-cli-export-"));
const cli = ["--import", "tsx", "scripts/atelier.ts", "export"];

function atelier(...args: string[]) {
  const result = spawnSync(process.execPath, [...cli, ...args], { env: { ...process.env }, encoding: "utf8", timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const file = (name: string, content: unknown) => {
  const target = path.join(dir, name);
  fs.writeFileSync(target, typeof content === "string" ? content : JSON.stringify(content, null, 2));
  return target;
};
const readManifest = (outDir: string) => exportManifestSchema.parse(JSON.parse(fs.readFileSync(path.join(outDir, "manifest.json"), "utf8")));
const episodeIds = (manifest: ExportManifest) => new Set(manifest.shards.flatMap((s) => s.entries.map(([id]) => id)));

let batch: number;
let rollouts: Record<string, number>;
let prIds: number[];

beforeAll(async () => {
  const words = (key: string) => Array.from({ length: 60 }, (_, i) => `${key}w${i}`).join(" ") + ` ${run}`;
  ({ batch, ids: rollouts } = await seedPlanCorpus(
    run,
    Array.from({ length: 12 }, (_, i) => ({ key: `c${i}`, model: `${run}/m`, repo: `${run}/repo-${i % 6}`, task: words(`c${i}`) })),
  ));
  // Some passing rollouts, and PR-derived samples: every component of the example recipe has episodes here.
  await pool.query(`UPDATE episodes SET resolved = true WHERE id = ANY($1::int[])`, [[rollouts.c0, rollouts.c1, rollouts.c2]]);
  const rng = createRng(`cli-export-${run}`);
  // Not from a SWE-bench repository (pallets/flask is one of the generator's): the example decontaminates those.
  const repos = pullRequestRepos.filter((repo) => !(swebenchRepos as readonly string[]).includes(repo.name));
  const samples = Array.from({ length: 3 }, (_, i) => generatePrSample(rng, { repo: repos[i % repos.length] }));
  const summary = await importFiles([{ path: file("pr.jsonl", samples.map((s) => JSON.stringify(s)).join("\n") + "\n") }], { source: "cli" });
  expect(summary.invalid).toBe(0);
  const rows = await pool.query<{ id: number }>(`SELECT id FROM episodes WHERE source_format = 'atelier-pr' AND instance_id = ANY($1)`, [samples.map((s) => s.id)]);
  prIds = rows.rows.map((r) => r.id);
  await pool.query(`UPDATE episodes SET review_status = 'approved' WHERE id = ANY($1::int[])`, [prIds]);
});

afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await disconnect();
});

/** Every seeded episode, all statuses given: an export over `batch=`, in both splits. */
const recipe = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  seed: 9,
  components: [{ name: "seeded", filter: `batch=${batch}` }],
  split: { validation: 0.3 },
  format: { file: "jsonl", shardMb: 0.004 },
  ...extra,
});

describe("npm run atelier -- export", () => {
  it("--example-recipe prints the README's recipe as JSON that parses and runs unchanged (exit 0)", () => {
    const printed = atelier("--example-recipe");
    expect(printed.code).toBe(0);
    const json = JSON.parse(printed.stdout);
    expect(json).toEqual(exampleRecipeInput);
    expect(recipeSchema.safeParse(json).success).toBe(true);

    const outDir = path.join(dir, "example");
    const result = atelier("--recipe", file("example.json", printed.stdout), "--out", outDir, "--json");
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ status: "done", outDir, error: null });
    const manifest = readManifest(outDir);
    expect(manifest.recipe).toEqual(recipeSchema.parse(exampleRecipeInput));
    const exported = episodeIds(manifest);
    // Each component found episodes: PR samples, passing rollouts (3 copies each), the other rollouts.
    expect(manifest.components.map((c) => c.records > 0)).toEqual([true, true, true]);
    for (const id of Object.values(rollouts)) expect(exported.has(id), `episode ${id}`).toBe(true);
    const entriesOf = (id: number) => manifest.shards.flatMap((s) => s.entries.filter(([e]) => e === id));
    // Three copies, wherever the seeded shuffle put them (ids, and so positions, depend on what other tests inserted).
    expect(entriesOf(rollouts.c0).map(([, component, copy]) => [component, copy]).sort((a, b) => a[1] - b[1])).toEqual([[1, 0], [1, 1], [1, 2]]);
    expect(entriesOf(rollouts.c5).map(([, component]) => component)).toEqual([2]);
    // The database is shared with other tests' generated PR samples: one of ours may be a duplicate of theirs.
    const report = JSON.parse(fs.readFileSync(path.join(outDir, "report.json"), "utf8"));
    const removed = new Set([...report.dedup.exact, ...report.dedup.near].map((pair: { removed: number }) => pair.removed));
    for (const id of prIds) expect(exported.has(id) || removed.has(id), `PR sample ${id}`).toBe(true);
    for (const id of prIds.filter((pr) => exported.has(pr))) expect(entriesOf(id).map(([, component]) => component)).toEqual([0]);
  });

  it("--json prints the outcome with the summary of the manifest; a rerun into the finished --out rewrites nothing", () => {
    const recipeFile = file("json.json", recipe(`cli json ${run}`));
    const outDir = path.join(dir, "json");
    const first = atelier("--recipe", recipeFile, "--out", outDir, "--json");
    expect(first.code, first.stderr).toBe(0);
    const outcome = JSON.parse(first.stdout);
    expect(outcome).toEqual({ id: expect.any(Number), status: "done", outDir, error: null, summary: expect.any(Object) });
    const manifest = readManifest(outDir);
    expect(outcome.summary).toMatchObject({ records: manifest.totals.records, tokens: manifest.totals.tokens, shards: manifest.shards.length });
    expect(manifest.totals.records).toBe(12);
    expect(manifest.splits.validation.records).toBeGreaterThan(0);

    const files = fs.readdirSync(outDir, { recursive: true }).map(String).filter((name) => fs.statSync(path.join(outDir, name)).isFile());
    const before = new Map(files.map((name) => [name, { mtime: fs.statSync(path.join(outDir, name)).mtimeMs, bytes: fs.readFileSync(path.join(outDir, name)) }]));
    const again = atelier("--recipe", recipeFile, "--out", outDir, "--json");
    expect(again.code, again.stderr).toBe(0);
    const second = JSON.parse(again.stdout);
    expect(second.status).toBe("done");
    expect(second.summary).toEqual(outcome.summary);
    for (const [name, { mtime, bytes }] of before) {
      expect(fs.statSync(path.join(outDir, name)).mtimeMs, name).toBe(mtime);
      expect(fs.readFileSync(path.join(outDir, name)).equals(bytes), name).toBe(true);
    }
    expect(fs.readdirSync(outDir, { recursive: true }).map(String).filter((name) => fs.statSync(path.join(outDir, name)).isFile()).sort()).toEqual(files.sort());

    // Another recipe into the same finished directory is refused (exit 1), and nothing changes.
    const other = atelier("--recipe", file("other.json", recipe(`cli other ${run}`)), "--out", outDir);
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(/already holds a finished export/);
    expect(fs.readFileSync(path.join(outDir, "manifest.json")).equals(before.get("manifest.json")!.bytes)).toBe(true);
  });

  it("prints the file and the field of a recipe that does not parse (exit 1), and writes nothing", () => {
    const bad = file("bad.json", recipe(`cli bad ${run}`, { components: [{ name: "x", filter: `batch=${batch}`, weight: { share: 2 } }] }));
    const outDir = path.join(dir, "bad");
    const result = atelier("--recipe", bad, "--out", outDir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${bad}: components.0.weight.share: Too big`);
    expect(fs.existsSync(outDir)).toBe(false);

    const broken = file("broken.json", '{\n  "name": "x",\n}');
    const parse = atelier("--recipe", broken, "--out", outDir);
    expect(parse.code).toBe(1);
    expect(parse.stderr).toContain(`${broken}: Not valid JSON at line 3, column 1`);

    const missing = atelier("--recipe", path.join(dir, "nope.json"), "--out", outDir);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`${path.join(dir, "nope.json")}: no such file`);
  });

  it("exit codes: 2 without --recipe/--out, 1 when the export fails (an --out holding other files)", () => {
    const usage = atelier("--out", path.join(dir, "x"));
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/--recipe <file> and --out <dir> are required/);
    const busy = path.join(dir, "busy");
    fs.mkdirSync(busy);
    fs.writeFileSync(path.join(busy, "notes.txt"), "mine");
    const failed = atelier("--recipe", file("busy.json", recipe(`cli busy ${run}`)), "--out", busy);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/Export #\d+ failed: .*is not empty and holds no export to resume/);
    expect(fs.readdirSync(busy)).toEqual(["notes.txt"]);
  });

  it("refuses an --out another live process is exporting into (exit 1), and resumes it once that one stopped", async () => {
    const recipeFile = file("taken.json", recipe(`cli taken ${run}`));
    const outDir = path.join(dir, "taken");
    // A CLI run of the same recipe into the same directory, still going in a live process (this one).
    const other = await createExportJob(null, { recipe: recipeSchema.parse(recipe(`cli taken ${run}`)) }, "cli", outDir);
    await pool.query(`UPDATE export_jobs SET status = 'running' WHERE id = $1`, [other]);
    const refused = atelier("--recipe", recipeFile, "--out", outDir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`Export #${other} into ${outDir} is still running in process ${process.pid}; wait for it or stop it (Ctrl-C) first.`);
    expect((await pool.query(`SELECT status, worker_pid AS pid FROM export_jobs WHERE id = $1`, [other])).rows[0]).toEqual({ status: "running", pid: process.pid });
    expect(fs.existsSync(outDir)).toBe(false);

    await pool.query(`UPDATE export_jobs SET status = 'cancelled' WHERE id = $1`, [other]);
    const resumed = atelier("--recipe", recipeFile, "--out", outDir, "--json");
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(JSON.parse(resumed.stdout)).toMatchObject({ id: other, status: "done" });
  });

  it("Ctrl-C cancels (exit 130, no manifest) and the same command resumes to the same bytes (exit 0)", async () => {
    // Big enough to still be writing when the signal comes: every episode 100 times, tiny shards.
    const big = recipe(`cli big ${run}`, { components: [{ name: "seeded", filter: `batch=${batch}`, weight: { upsample: 100 } }] });
    const recipeFile = file("big.json", big);
    const outDir = path.join(dir, "big");
    const child = spawn(process.execPath, [...cli, "--recipe", recipeFile, "--out", outDir], { env: { ...process.env }, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    // Interrupt once a shard is finished (the checkpoint exists) and the job is writing.
    for (let i = 0; !fs.existsSync(path.join(outDir, ".partial", "checkpoint.json")); i++) {
      if (i > 3000) throw new Error(`the export never started: ${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    child.kill("SIGINT");
    expect(await exited, stderr).toBe(130);
    expect(stderr).toMatch(/Export #(\d+) cancelled; run the same command again to resume\./);
    expect(fs.existsSync(path.join(outDir, "manifest.json"))).toBe(false);
    const id = Number(/Export #(\d+) cancelled/.exec(stderr)![1]);
    expect((await pool.query(`SELECT status FROM export_jobs WHERE id = $1`, [id])).rows[0].status).toBe("cancelled");

    const resumed = atelier("--recipe", recipeFile, "--out", outDir, "--json");
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(JSON.parse(resumed.stdout)).toMatchObject({ id, status: "done" });
    const whole = path.join(dir, "big-whole");
    expect(atelier("--recipe", recipeFile, "--out", whole).code).toBe(0);
    for (const shard of readManifest(whole).shards) expect(fs.readFileSync(path.join(outDir, shard.path)).equals(fs.readFileSync(path.join(whole, shard.path))), shard.path).toBe(true);
    expect({ ...readManifest(outDir), createdAt: "" }).toEqual({ ...readManifest(whole), createdAt: "" });
  });
});
