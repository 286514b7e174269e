/** Runs one export job row through the export pipeline, writing progress and the outcome back to it. */
import { pool } from "@/lib/db";
import { recipeSchema } from "../recipe/schema";
import { atelierExportDeps } from "../run/atelier-deps";
import type { ExportProgress } from "../run/deps";
import { runExport } from "../run/run-export";
import { summarize } from "./summary";

const progressIntervalMs = 500;


export async function runExportJob(id: number, signal: AbortSignal, onProgress?: (progress: ExportProgress) => void): Promise<"done" | "cancelled" | "failed"> {
  const claimed = await pool.query<{ recipe: unknown; recipeVersionId: number | null; outDir: string; source: string }>(
    `UPDATE export_jobs SET status = 'running', worker_pid = $2, started_at = coalesce(started_at, now()), phase = 'planning'
     WHERE id = $1 AND status IN ('queued', 'running') AND NOT cancel_requested
     RETURNING recipe, recipe_version_id AS "recipeVersionId", out_dir AS "outDir", source`,
    [id, process.pid],
  );
  if (claimed.rows.length === 0) return "cancelled";
  const { recipe, recipeVersionId, outDir, source } = claimed.rows[0];
  const deps = atelierExportDeps({ confined: source !== "cli" });
  const controller = new AbortController();
  signal.addEventListener("abort", () => controller.abort(), { once: true });
  let lastWrite = 0;
  let writing: Promise<unknown> = Promise.resolve();
  const report = (progress: ExportProgress) => {
    onProgress?.(progress);
    const now = Date.now();
    if (now - lastWrite < progressIntervalMs) return;
    lastWrite = now;
    writing = pool
      .query<{ cancelRequested: boolean }>(
        `UPDATE export_jobs SET phase = $2, done = $3, total = $4, bytes = $5 WHERE id = $1 RETURNING cancel_requested AS "cancelRequested"`,
        [id, progress.phase, progress.done, progress.total, progress.bytes],
      )
      .then((result) => {
        if (result.rows[0]?.cancelRequested) controller.abort();
      })
      .catch((error) => console.error(`[export] progress update for job ${id} failed`, error));
  };
  try {
    const manifest = await runExport({ recipe: recipeSchema.parse(recipe), recipeVersionId, outDir, deps, signal: controller.signal, onProgress: report });
    await writing;
    const summary = summarize(manifest, outDir);
    await pool.query(
      `UPDATE export_jobs SET status = 'done', phase = 'done', done = $2, total = $2, bytes = $3, summary = $4, finished_at = now(), cancel_requested = false WHERE id = $1`,
      [id, summary.records, summary.bytes, JSON.stringify(summary)],
    );
    return "done";
  } catch (error) {
    await writing;
    if (controller.signal.aborted) {
      await pool.query(`UPDATE export_jobs SET status = 'cancelled', cancel_requested = false, finished_at = now() WHERE id = $1`, [id]);
      return "cancelled";
    }
    console.error(`[export] job ${id} failed`, error);
    const message = error instanceof Error ? error.message : String(error);
    await pool.query(`UPDATE export_jobs SET status = 'failed', error = $2, finished_at = now() WHERE id = $1`, [id, message.slice(0, 4000)]);
    return "failed";
  }
}
