/**
 * Export jobs end to end against the real database and pipeline: run to done, cancel while
 * running, resume, pick up after a "restart", CLI jobs whose process died, and the 409s.
 *
 * Two test hooks, no sleeps: the real render stage is wrapped so a test can hold the runner at
 * its Nth record (a cancel then lands mid-export, deterministically), and the real runExportJob is
 * wrapped so a test can await a job's outcome however it was launched.
 */
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { createUser } from "@/lib/auth/users";
import { disconnect, pool } from "@/lib/db";
import { ConflictError } from "@/lib/errors";
import { seedPlanCorpus } from "@/lib/testing/plan-corpus";
import { recipeSchema, type Recipe } from "../recipe/schema";
import { exportManifestSchema, type ExportManifest } from "../write/manifest";
import { cancelExportJob, createExportJob, exportRoot, resumeExportJob, resumeInterruptedExports, startExportJob } from "./jobs";
import { getExportJob } from "./read";

const runs = vi.hoisted(() => ({
  beforeRender: null as null | (() => Promise<void> | void),
  outcomes: new Map<number, string[]>(),
  waiters: [] as (() => void)[],
}));

vi.mock("@/lib/export/run/atelier-deps", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/export/run/atelier-deps")>();
  return {
    atelierExportDeps: (options: Parameters<typeof real.atelierExportDeps>[0]) => {
      const deps = real.atelierExportDeps(options);
      return {
        ...deps,
        renderEntry: async (...args: Parameters<typeof deps.renderEntry>) => {
          await runs.beforeRender?.();
          return deps.renderEntry(...args);
        },
      };
    },
  };
});

vi.mock("@/lib/export/jobs/run-job", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/export/jobs/run-job")>();
  const settle = (id: number, outcome: string) => {
    runs.outcomes.set(id, [...(runs.outcomes.get(id) ?? []), outcome]);
    for (const wake of runs.waiters.splice(0)) wake();
  };
  return {
    runExportJob: async (...args: Parameters<typeof real.runExportJob>) => {
      try {
        const outcome = await real.runExportJob(...args);
        settle(args[0], outcome);
        return outcome;
      } catch (error) {
        settle(args[0], `threw: ${error}`);
        throw error;
      }
    },
  };
});

/** The outcome of the job's nth run (1 = its first). */
async function outcomeOf(id: number, nth = 1): Promise<string> {
  for (;;) {
    const list = runs.outcomes.get(id) ?? [];
    if (list.length >= nth) return list[nth - 1];
    await new Promise<void>((wake) => runs.waiters.push(wake));
  }
}

/** Holds the runner before its nth render (counted from now) until released. */
function holdAtRender(n: number) {
  let renders = 0;
  let release!: () => void;
  let reached!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const paused = new Promise<void>((resolve) => (reached = resolve));
  runs.beforeRender = async () => {
    renders += 1;
    if (renders !== n) return;
    reached();
    await released;
  };
  return { paused, release };
}

function countRenders() {
  const counter = { renders: 0 };
  runs.beforeRender = () => void (counter.renders += 1);
  return counter;
}

const run = randomBytes(4).toString("hex");
const root = fs.mkdtempSync(path.join(os.tmpdir(), "atelier-export-jobs-"));
process.env.ATELIER_EXPORT_DIR = path.join(root, "exports");
/** Above the kernel's pid_max: no process ever has it. */
const deadPid = Number(fs.readFileSync("/proc/sys/kernel/pid_max", "utf8")) + 1;
const words = (key: string) => Array.from({ length: 80 }, (_, i) => `${key}w${i}`).join(" ") + ` ${run}`;

let actor: Actor;
let recipe: Recipe;
/** The uninterrupted run every interrupted one is compared with. */
let reference: { id: number; outDir: string; manifest: ExportManifest };

beforeAll(async () => {
  const user = await createUser({ email: `export-jobs-${run}@example.com`, role: "reviewer", name: `Exporter ${run}` });
  actor = { type: "user", id: user.id, email: user.email, name: `Exporter ${run}`, role: "reviewer" };
  const { batch } = await seedPlanCorpus(
    run,
    Array.from({ length: 30 }, (_, i) => ({ key: `e${i}`, model: `${run}/m`, repo: `${run}/repo-${i % 12}`, task: words(`e${i}`) })),
  );
  // 30 episodes × 4 copies, a quarter of the repositories in validation, shards of a few records.
  recipe = recipeSchema.parse({
    name: `jobs ${run}`,
    seed: 5,
    components: [{ name: "all", filter: `batch=${batch}`, weight: { upsample: 4 } }],
    split: { validation: 0.25 },
    format: { file: "jsonl", shardMb: 0.004 },
  });
});

afterEach(() => {
  runs.beforeRender = null;
});

afterAll(async () => {
  fs.rmSync(root, { recursive: true, force: true });
  await disconnect();
});

const sha256 = (file: string) => createHash("sha256").update(fs.readFileSync(file)).digest("hex");
const readManifest = (outDir: string) => exportManifestSchema.parse(JSON.parse(fs.readFileSync(path.join(outDir, "manifest.json"), "utf8")));

/** Every file of a finished export but manifest.json (its createdAt differs), by relative path. */
function exportFiles(outDir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of fs.readdirSync(outDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name === "manifest.json") continue;
    const absolute = path.join(entry.parentPath, entry.name);
    files.set(path.relative(outDir, absolute), fs.readFileSync(absolute));
  }
  return files;
}

function expectSameExport(outDir: string) {
  const mine = exportFiles(outDir);
  const theirs = exportFiles(reference.outDir);
  expect([...mine.keys()].sort()).toEqual([...theirs.keys()].sort());
  for (const [name, bytes] of theirs) expect(mine.get(name)!.equals(bytes), name).toBe(true);
  expect({ ...readManifest(outDir), createdAt: "" }).toEqual({ ...reference.manifest, createdAt: "" });
}

/** Starts the job held at its nth record, cancels it there and waits until it stopped. */
async function cancelledMidway(atRender: number) {
  const hold = holdAtRender(atRender);
  const { id } = await startExportJob(actor, { recipe }, "api");
  await hold.paused;
  const asked = await cancelExportJob(actor, id);
  expect(asked).toMatchObject({ status: "running", cancelRequested: true });
  hold.release();
  expect(await outcomeOf(id)).toBe("cancelled");
  return getExportJob(id);
}

describe("export jobs", () => {
  it("runs a job to done; the summary matches manifest.json and the files on disk", async () => {
    const { id } = await startExportJob(actor, { recipe }, "api");
    expect(await outcomeOf(id)).toBe("done");
    const job = await getExportJob(id);
    expect(job).toMatchObject({ status: "done", phase: "done", error: null, cancelRequested: false, source: "api", createdBy: { id: actor.type === "user" ? actor.id : "" } });
    expect(path.dirname(job.outDir)).toBe(exportRoot());
    expect(job.finishedAt).not.toBeNull();
    const manifest = readManifest(job.outDir);
    reference = { id, outDir: job.outDir, manifest };
    const summary = job.summary!;
    expect(manifest.totals.records).toBe(120);
    expect(summary.records).toBe(manifest.totals.records);
    expect(summary.tokens).toBe(manifest.totals.tokens);
    expect(summary.shards).toBe(manifest.shards.length);
    expect(summary.shards).toBeGreaterThan(5);
    expect([job.done, job.total]).toEqual([summary.records, summary.records]);
    expect(manifest.splits.train.records).toBeGreaterThan(0);
    expect(manifest.splits.validation.records).toBeGreaterThan(0);
    for (const split of ["train", "validation"] as const)
      expect(summary.splits[split]).toEqual({ records: manifest.splits[split].records, tokens: manifest.splits[split].tokens, shards: manifest.splits[split].shards });
    // Every shard's sha256 and size, recomputed from the file.
    for (const shard of manifest.shards) {
      const file = path.join(job.outDir, shard.path);
      expect(sha256(file), shard.path).toBe(shard.sha256);
      expect(fs.statSync(file).size, shard.path).toBe(shard.bytes);
      expect(summary.files).toContainEqual({ path: shard.path, bytes: shard.bytes, sha256: shard.sha256 });
    }
    expect(summary.files.map((f) => f.path)).toEqual([...manifest.shards.map((s) => s.path), "README.md", "report.json", "manifest.json"]);
    for (const file of summary.files) expect(fs.statSync(path.join(job.outDir, file.path)).size, file.path).toBe(file.bytes);
    expect(summary.bytes).toBe(summary.files.reduce((n, f) => n + f.bytes, 0));
    expect(job.bytes).toBe(summary.bytes);
    expect(fs.existsSync(path.join(job.outDir, ".partial"))).toBe(false);
  });

  it("cancels a running job at its next record (no manifest, .partial kept) and resumes it to the same bytes", async () => {
    const hold = holdAtRender(50);
    const { id } = await startExportJob(actor, { recipe }, "api");
    await hold.paused;
    expect((await getExportJob(id)).status).toBe("running");
    const asked = await cancelExportJob(actor, id);
    expect(asked).toMatchObject({ status: "running", cancelRequested: true });
    // Resuming a job that is still running is refused.
    await expect(resumeExportJob(actor, id)).rejects.toBeInstanceOf(ConflictError);
    hold.release();
    expect(await outcomeOf(id)).toBe("cancelled");

    const cancelled = await getExportJob(id);
    expect(cancelled).toMatchObject({ status: "cancelled", cancelRequested: false, summary: null });
    const { outDir } = cancelled;
    expect(fs.existsSync(path.join(outDir, "manifest.json"))).toBe(false);
    const checkpoint = JSON.parse(fs.readFileSync(path.join(outDir, ".partial", "checkpoint.json"), "utf8"));
    expect(checkpoint.shards.length).toBeGreaterThan(0);
    expect(checkpoint.position).toBeGreaterThan(0);
    expect(checkpoint.position).toBeLessThan(50);
    // Only hidden, temporary shard names: nothing looks like finished data.
    expect(fs.readdirSync(path.join(outDir, "data")).every((name) => name.startsWith(".") && name.endsWith(".partial"))).toBe(true);

    const counter = countRenders();
    const resumed = await resumeExportJob(actor, id);
    expect(["queued", "running"]).toContain(resumed.status);
    expect(await outcomeOf(id, 2)).toBe("done");
    // Only the records after the last finished shard were rendered again.
    expect(counter.renders).toBe(120 - checkpoint.position);
    expect((await getExportJob(id)).status).toBe("done");
    expectSameExport(outDir);
  });

  it("after a restart, carries on a job left running by a dead worker from its checkpoint, to the same bytes", async () => {
    const cancelled = await cancelledMidway(70);
    expect(fs.existsSync(path.join(cancelled.outDir, ".partial", "checkpoint.json"))).toBe(true);
    // What a server killed mid-export leaves: the row still running, its worker gone.
    await pool.query(`UPDATE export_jobs SET status = 'running', worker_pid = $2, finished_at = NULL WHERE id = $1`, [cancelled.id, deadPid]);
    const resumed = await resumeInterruptedExports();
    expect(resumed).toContain(cancelled.id);
    expect(await outcomeOf(cancelled.id, 2)).toBe("done");
    expect((await getExportJob(cancelled.id)).status).toBe("done");
    expectSameExport(cancelled.outDir);
  });

  it("at start-up takes no job that a live process holds: one queued here, or one another server queued", async () => {
    const hold = holdAtRender(3);
    const first = await startExportJob(actor, { recipe }, "api");
    await hold.paused;
    const second = await startExportJob(actor, { recipe }, "api");
    const worker = await pool.query(`SELECT worker_pid AS pid FROM export_jobs WHERE id = $1`, [second.id]);
    expect(worker.rows[0].pid).toBe(process.pid);
    const elsewhere = await createExportJob(actor, { recipe }, "api");
    // Queued by another server that is still running (our parent process is alive).
    await pool.query(`UPDATE export_jobs SET worker_pid = $2 WHERE id = $1`, [elsewhere, process.ppid]);
    const resumed = await resumeInterruptedExports();
    expect(resumed).not.toContain(first.id);
    expect(resumed).not.toContain(second.id);
    expect(resumed).not.toContain(elsewhere);
    hold.release();
    expect(await outcomeOf(first.id)).toBe("done");
    expect(await outcomeOf(second.id)).toBe("done");
    expect(runs.outcomes.get(second.id)).toEqual(["done"]);
    await pool.query(`UPDATE export_jobs SET status = 'cancelled' WHERE id = $1`, [elsewhere]);
  });

  it("marks a CLI job whose process is gone failed, saying to rerun the command; a live one is left alone", async () => {
    const dead = await createExportJob(null, { recipe }, "cli", path.join(root, `cli-dead-${run}`));
    const alive = await createExportJob(null, { recipe }, "cli", path.join(root, `cli-alive-${run}`));
    await pool.query(`UPDATE export_jobs SET status = 'running', worker_pid = $2 WHERE id = $1`, [dead, deadPid]);
    await pool.query(`UPDATE export_jobs SET status = 'running', worker_pid = $2 WHERE id = $1`, [alive, process.pid]);
    const resumed = await resumeInterruptedExports();
    expect(resumed).not.toContain(dead);
    expect(resumed).not.toContain(alive);
    const failed = await getExportJob(dead);
    expect(failed.status).toBe("failed");
    expect(failed.error).toMatch(/CLI process stopped.*run the same export command again/);
    expect(failed.finishedAt).not.toBeNull();
    expect((await getExportJob(alive)).status).toBe("running");
    await pool.query(`UPDATE export_jobs SET status = 'failed', error = 'test cleanup' WHERE id = $1`, [alive]);
  });

  it("refuses to cancel a finished job or resume a finished one (409), and cancels a queued one at once", async () => {
    await expect(cancelExportJob(actor, reference.id)).rejects.toBeInstanceOf(ConflictError);
    await expect(resumeExportJob(actor, reference.id)).rejects.toBeInstanceOf(ConflictError);
    const queued = await createExportJob(actor, { recipe }, "api");
    const cancelled = await cancelExportJob(actor, queued);
    expect(cancelled).toMatchObject({ status: "cancelled", cancelRequested: false });
    await expect(cancelExportJob(actor, queued)).rejects.toBeInstanceOf(ConflictError);
  });

  it("cancels a job queued behind a running one at once, so it never stays queued", async () => {
    const hold = holdAtRender(5);
    const first = await startExportJob(actor, { recipe }, "api");
    await hold.paused;
    const second = await startExportJob(actor, { recipe }, "api");
    expect((await getExportJob(second.id)).status).toBe("queued");
    expect(await cancelExportJob(actor, second.id)).toMatchObject({ status: "cancelled" });
    await cancelExportJob(actor, first.id);
    hold.release();
    expect(await outcomeOf(first.id)).toBe("cancelled");
    expect(await outcomeOf(second.id)).toBe("cancelled");
    expect(await getExportJob(second.id)).toMatchObject({ status: "cancelled", cancelRequested: false });
    expect(fs.existsSync(path.join((await getExportJob(second.id)).outDir, "data"))).toBe(false);
  });
});
