import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { pool } from "@/lib/db";
import { exampleRecipeInput } from "@/lib/export/recipe/example";
import { checkRecipeText } from "@/lib/export/recipe/recipe-text";
import { createExportJob } from "@/lib/export/jobs/jobs";
import { getExportJobDetail } from "@/lib/export/jobs/read";
import { runExportJob } from "@/lib/export/jobs/run-job";
import { isAlive } from "@/lib/runtime/is-alive";
import { createProgressBar } from "./progress-bar";

const exportOptionsSchema = z.object({ recipe: z.string().min(1), out: z.string().min(1), json: z.boolean().optional() });

/** `--example-recipe`: the daVinci-style recipe as JSON, ready to save and run unchanged. */
export function printExampleRecipe(): number {
  console.log(JSON.stringify(exampleRecipeInput, null, 2));
  return 0;
}

export function readRecipeFile(file: string) {
  if (!fs.existsSync(file)) throw new Error(`${file}: no such file`);
  const check = checkRecipeText(fs.readFileSync(file, "utf8"));
  if (!check.recipe) throw new Error(`${file}: ${check.problems.join("; ")}`);
  return check.recipe;
}

/**
 * The same job the server runs, in the foreground. Running the same recipe into the same --out
 * again resumes a cancelled (Ctrl-C) or interrupted export from its last finished shard.
 * Exit 0 when the export finished, 130 when cancelled, 1 when it failed.
 */
export async function exportCommand(rawOptions: unknown): Promise<number> {
  const options = exportOptionsSchema.parse(rawOptions);
  const recipe = readRecipeFile(options.recipe);
  const outDir = path.resolve(options.out);
  const previous = await pool.query<{ id: number; status: string; workerPid: number | null }>(
    `SELECT id, status, worker_pid AS "workerPid" FROM export_jobs WHERE out_dir = $1 AND source = 'cli' AND status <> 'done' AND recipe = $2::jsonb ORDER BY id DESC LIMIT 1`,
    [outDir, JSON.stringify(recipe)],
  );
  const earlier = previous.rows[0];
  // Two writers in one directory would interleave their shards: the other run must stop first.
  if (earlier && (earlier.status === "queued" || earlier.status === "running") && earlier.workerPid !== null && isAlive(earlier.workerPid))
    throw new Error(`Export #${earlier.id} into ${outDir} is still ${earlier.status} in process ${earlier.workerPid}; wait for it or stop it (Ctrl-C) first.`);
  const id = earlier?.id ?? (await createExportJob(null, { recipe }, "cli", outDir));
  if (earlier)
    await pool.query(`UPDATE export_jobs SET status = 'queued', cancel_requested = false, error = NULL, worker_pid = $2 WHERE id = $1`, [id, process.pid]);
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  const bar = createProgressBar(process.stderr, (n) => n.toLocaleString("en"));
  const outcome = await runExportJob(id, controller.signal, (p) => bar.update(p.phase, p.done, p.total, "records"));
  bar.done();
  process.off("SIGINT", stop);
  process.off("SIGTERM", stop);
  const job = await getExportJobDetail(id);
  if (options.json) console.log(JSON.stringify({ id, status: job.status, outDir, error: job.error, summary: job.summary }, null, 2));
  else if (job.status === "done" && job.summary) {
    for (const file of job.summary.files) console.log(`${file.path}  ${file.bytes} bytes  sha256 ${file.sha256 ?? "-"}`);
    console.log(`Export #${id} done: ${job.summary.records} records, ${job.summary.tokens} tokens, ${job.summary.shards} shards in ${outDir}`);
  } else if (job.status === "cancelled") console.error(`Export #${id} cancelled; run the same command again to resume.`);
  else console.error(`Export #${id} failed: ${job.error ?? "unknown error"}`);
  return outcome === "done" ? 0 : outcome === "cancelled" ? 130 : 1;
}
