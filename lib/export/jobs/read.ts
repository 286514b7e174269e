/** Reading export jobs for the API. */
import { pool } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { iso, personJson } from "@/lib/review/sql";
import { recipeSchema } from "../recipe/schema";
import type { ExportJob, ExportJobDetail, ExportJobList } from "./schema";

const jobSelect = `SELECT j.id, j.status, j.phase, j.done, j.total, j.bytes::float8 AS bytes,
    coalesce(j.recipe->>'name', '') AS "recipeName",
    CASE WHEN v.id IS NULL THEN NULL ELSE json_build_object('id', v.id, 'recipeId', v.recipe_id, 'version', v.version) END AS "recipeVersion",
    j.source, j.out_dir AS "outDir", j.cancel_requested AS "cancelRequested", j.error, j.summary,
    ${personJson("u")} AS "createdBy", ${iso("j.created_at")} AS "createdAt", ${iso("j.started_at")} AS "startedAt", ${iso("j.finished_at")} AS "finishedAt"
  FROM export_jobs j LEFT JOIN export_recipe_versions v ON v.id = j.recipe_version_id LEFT JOIN users u ON u.id = j.created_by_id`;

export async function listExportJobs(limit = 200): Promise<ExportJobList> {
  const result = await pool.query<ExportJob>(`${jobSelect} ORDER BY j.id DESC LIMIT $1`, [limit]);
  return { items: result.rows };
}

export async function getExportJob(id: number): Promise<ExportJob & { recipe: unknown; recipeVersionId: number | null }> {
  const result = await pool.query<ExportJob & { recipe: unknown; recipeVersionId: number | null }>(
    `${jobSelect.replace("SELECT j.id,", `SELECT j.recipe, j.recipe_version_id AS "recipeVersionId", j.id,`)} WHERE j.id = $1`,
    [id],
  );
  if (result.rows.length === 0) throw new NotFoundError("Export");
  return result.rows[0];
}

export async function getExportJobDetail(id: number): Promise<ExportJobDetail> {
  const { recipeVersionId: _versionId, ...job } = await getExportJob(id);
  return { ...job, recipe: recipeSchema.parse(job.recipe) };
}
