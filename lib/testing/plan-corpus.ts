/**
 * Test data for the export plan: one import batch of mini-swe-agent-1 trajectories whose plan
 * inputs (model, repo, instance id, token count, review status, task text, final patch) are then
 * set directly, so each test knows exactly which episodes duplicate or contaminate which.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pool, prisma } from "@/lib/db";
import { importFiles } from "@/lib/ingest/import-files";

export type PlanEpisodeSpec = {
  key: string;
  model: string;
  repo: string | null;
  instanceId?: string | null;
  tokens?: number;
  review?: "pending" | "approved" | "rejected" | "needs_fix";
  task: string;
  patch?: string;
};

function trajectory(run: string, index: number): string {
  return JSON.stringify({
    trajectory_format: "mini-swe-agent-1",
    instance_id: `${run}__plan-${index}`,
    info: { exit_status: "Submitted", submission: "", config: { model: { model_name: `${run}/seed` } } },
    messages: [
      { role: "system", content: "You are a helpful assistant." },
      { role: "user", content: `<pr_description>plan seed ${run} ${index}</pr_description>` },
      { role: "assistant", content: "THOUGHT: look\n\n```bash\nls\n```" },
      { role: "user", content: "<returncode>0</returncode>\n<output>\na.py\n</output>" },
    ],
  });
}

/** Imports one episode per spec and sets its plan inputs; returns the batch id and ids by key. */
export async function seedPlanCorpus(run: string, specs: readonly PlanEpisodeSpec[]): Promise<{ batch: number; ids: Record<string, number> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "atelier-plan-test-"));
  try {
    const file = path.join(dir, `${run}-plan.jsonl`);
    fs.writeFileSync(file, specs.map((_, i) => trajectory(run, i)).join("\n") + "\n");
    const summary = await importFiles([{ path: file }], { source: "cli" });
    if (summary.status !== "committed" || summary.imported !== specs.length) throw new Error(`seed import failed: ${JSON.stringify(summary.errors)}`);
    const rows = await prisma.episode.findMany({ where: { importBatchId: summary.batchId }, select: { id: true, instanceId: true } });
    const idOf = new Map(rows.map((r) => [r.instanceId, r.id]));
    const ids: Record<string, number> = {};
    for (const [i, spec] of specs.entries()) {
      const id = idOf.get(`${run}__plan-${i}`)!;
      ids[spec.key] = id;
      await pool.query(
        `UPDATE episodes SET model = $2, repo = $3, instance_id = $4, token_count = $5, review_status = $6::"ReviewStatus" WHERE id = $1`,
        [id, spec.model, spec.repo, spec.instanceId === undefined ? `${run}-${spec.key}` : spec.instanceId, spec.tokens ?? 100, spec.review ?? "approved"],
      );
      await pool.query(`UPDATE episode_contents SET task_text = $2, final_patch = $3 WHERE episode_id = $1`, [id, spec.task, spec.patch ?? `diff ${spec.key}`]);
    }
    return { batch: summary.batchId, ids };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
