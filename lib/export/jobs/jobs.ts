/**
 * Export jobs: a row per run, written to a directory under ATELIER_EXPORT_DIR (default
 * ./.atelier/exports/<id>-<random>). The server runs them one at a time in the background; progress lives in
 * the row so any process can poll it; cancel is a flag the runner reads at its next progress write;
 * a job left queued or running by a stopped server is resumed at the next start (instrumentation.ts).
 */
import { randomBytes } from "node:crypto";
import path from "node:path";
import type { Actor } from "@/lib/auth/actor";
import { actorUserId } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { withTransaction } from "@/lib/audit/transaction";
import { pool } from "@/lib/db";
import { ConflictError } from "@/lib/errors";
import { isAlive } from "@/lib/runtime/is-alive";
import { getRecipeVersion } from "../recipes/recipes";
import type { Recipe } from "../recipe/schema";
import { getExportJob } from "./read";
import { runExportJob } from "./run-job";
import type { ExportCreate, ExportJob } from "./schema";

export function exportRoot(): string {
  return path.resolve(process.env.ATELIER_EXPORT_DIR ?? path.join(process.cwd(), ".atelier", "exports"));
}

/** Creates the job row; `outDir` defaults to a directory of its own under the export root. */
export async function createExportJob(actor: Actor | null, input: ExportCreate, source: string, outDir?: string): Promise<number> {
  const version = "recipeVersionId" in input ? await getRecipeVersion(input.recipeVersionId) : null;
  const recipe: Recipe = version ? version.recipe : (input as { recipe: Recipe }).recipe;
  return withTransaction(async (client) => {
    const created = await client.query<{ id: number }>(
      // This process is the job's worker from the start: another server starting on the same
      // database (resumeInterruptedExports) must not take a job that waits in this one's queue.
      `INSERT INTO export_jobs (recipe_version_id, recipe, out_dir, source, created_by_id, worker_pid) VALUES ($1, $2, '', $3, $4, $5) RETURNING id`,
      [version?.id ?? null, JSON.stringify(recipe), source, actor ? actorUserId(actor) : null, process.pid],
    );
    const id = created.rows[0].id;
    // The random part keeps a reset database's job #1 from meeting an older #1's files.
    const dir = path.resolve(outDir ?? path.join(exportRoot(), `${id}-${randomBytes(4).toString("hex")}`));
    await client.query(`UPDATE export_jobs SET out_dir = $2 WHERE id = $1`, [id, dir]);
    if (actor)
      await recordAudit(client, { actor, action: "export.start", targetType: "export", targetId: id, after: { recipeVersionId: version?.id ?? null, name: recipe.name, outDir: dir } });
    return id;
  });
}

let queue: Promise<void> = Promise.resolve();
const controllers = new Map<number, AbortController>();

/** Runs the job in this process after the ones already queued here; returns at once. */
export function launchExportJob(id: number): void {
  const controller = new AbortController();
  controllers.set(id, controller);
  queue = queue
    .then(async () => {
      await runExportJob(id, controller.signal);
    })
    .catch((error) => console.error(`[export] job ${id} crashed`, error))
    .finally(() => controllers.delete(id));
}

export async function startExportJob(actor: Actor, input: ExportCreate, source: "ui" | "api"): Promise<{ id: number }> {
  const id = await createExportJob(actor, input, source);
  launchExportJob(id);
  return { id };
}

/** Asks the runner to stop; a queued job, or one whose process is gone, is cancelled at once. */
export async function cancelExportJob(actor: Actor, id: number): Promise<ExportJob> {
  const job = await getExportJob(id);
  if (job.status !== "queued" && job.status !== "running") throw new ConflictError(`Export #${id} is ${job.status}; only a queued or running export can be cancelled.`);
  const runner = await pool.query<{ workerPid: number | null }>(`SELECT worker_pid AS "workerPid" FROM export_jobs WHERE id = $1`, [id]);
  const pid = runner.rows[0]?.workerPid ?? null;
  const isRunningHere = controllers.has(id);
  const isOrphaned = !isRunningHere && (pid === null || pid === process.pid || !isAlive(pid));
  await withTransaction(async (client) => {
    // A job no runner has claimed yet stops here and now (a runner only claims a queued or running
    // row); one being written stops at its runner's next record.
    const stopped = await client.query(
      `UPDATE export_jobs SET status = 'cancelled', cancel_requested = false, finished_at = now() WHERE id = $1 AND (status = 'queued' OR $2) RETURNING id`,
      [id, isOrphaned],
    );
    if (stopped.rowCount === 0) await client.query(`UPDATE export_jobs SET cancel_requested = true WHERE id = $1`, [id]);
    await recordAudit(client, { actor, action: "export.cancel", targetType: "export", targetId: id, before: { status: job.status } });
  });
  controllers.get(id)?.abort();
  return getExportJob(id);
}

/** Continues a cancelled or failed export from its last finished shard. */
export async function resumeExportJob(actor: Actor, id: number): Promise<ExportJob> {
  const job = await getExportJob(id);
  if (job.status !== "cancelled" && job.status !== "failed") throw new ConflictError(`Export #${id} is ${job.status}; only a cancelled or failed export can be resumed.`);
  await withTransaction(async (client) => {
    await client.query(`UPDATE export_jobs SET status = 'queued', cancel_requested = false, error = NULL, finished_at = NULL, worker_pid = $2 WHERE id = $1`, [id, process.pid]);
    await recordAudit(client, { actor, action: "export.resume", targetType: "export", targetId: id, before: { status: job.status } });
  });
  launchExportJob(id);
  return getExportJob(id);
}

/**
 * At server start: jobs a stopped server left queued or running carry on from their checkpoint. A
 * CLI export whose process is gone is marked failed; running the same command again resumes it.
 */
export async function resumeInterruptedExports(): Promise<number[]> {
  const cli = await pool.query<{ id: number; workerPid: number | null }>(
    `SELECT id, worker_pid AS "workerPid" FROM export_jobs WHERE status IN ('queued', 'running') AND source = 'cli'`,
  );
  const deadCli = cli.rows.filter((job) => job.workerPid !== null && !isAlive(job.workerPid)).map((job) => job.id);
  if (deadCli.length > 0)
    await pool.query(
      `UPDATE export_jobs SET status = 'failed', finished_at = now(), error = 'interrupted: the CLI process stopped; run the same export command again to resume' WHERE id = ANY($1)`,
      [deadCli],
    );
  const result = await pool.query<{ id: number; workerPid: number | null }>(
    `SELECT id, worker_pid AS "workerPid" FROM export_jobs WHERE status IN ('queued', 'running') AND source <> 'cli' ORDER BY id`,
  );
  // Our own pid on a job we are not running is a previous server's (pids are reused, in containers often).
  const orphans = result.rows.filter(
    (job) => !controllers.has(job.id) && (job.workerPid === null || job.workerPid === process.pid || !isAlive(job.workerPid)),
  );
  for (const job of orphans) launchExportJob(job.id);
  return orphans.map((job) => job.id);
}
