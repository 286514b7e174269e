/** Reading judgments and adjudications back in their API shape. */
import { rubricDimensionsSchema } from "../rubrics/schema";
import { iso, type Queryable } from "../sql";
import type { Adjudication, Judgment } from "./schema";

const judgmentColumns = `j.id, j.episode_id AS "episodeId", json_build_object('id', u.id, 'name', u.name, 'email', u.email) AS annotator,
  j.rubric_version_id AS "rubricVersionId", j.queue_id AS "queueId", j.scores, coalesce(j.labels, '{}') AS labels, j.verdict, j.reason, j.status, j.version,
  ${iso("j.created_at")} AS "createdAt", ${iso("j.updated_at")} AS "updatedAt", ${iso("j.submitted_at")} AS "submittedAt"`;

export async function readJudgments(client: Queryable, where: string, params: unknown[]): Promise<Judgment[]> {
  const result = await client.query<Judgment>(`SELECT ${judgmentColumns} FROM judgments j JOIN users u ON u.id = j.annotator_id WHERE ${where} ORDER BY j.id`, params);
  return result.rows;
}

export async function readJudgment(client: Queryable, id: number): Promise<Judgment | undefined> {
  const [judgment] = await readJudgments(client, "j.id = $1", [id]);
  return judgment;
}

export async function readAdjudications(client: Queryable, where: string, params: unknown[]): Promise<Adjudication[]> {
  const result = await client.query<Adjudication>(
    `SELECT a.id, a.episode_id AS "episodeId", a.queue_id AS "queueId", a.rubric_version_id AS "rubricVersionId",
       json_build_object('id', u.id, 'name', u.name, 'email', u.email) AS reviewer, a.verdict, a.reason, a.scores, a.sides, ${iso("a.created_at")} AS "createdAt"
     FROM adjudications a JOIN users u ON u.id = a.reviewer_id WHERE ${where} ORDER BY a.id`,
    params,
  );
  return result.rows;
}

/** A version's dimensions (validated), for callers outside a judgment transaction. */
export async function readDimensions(client: Queryable, rubricVersionId: number) {
  const result = await client.query<{ dimensions: unknown }>(`SELECT dimensions FROM rubric_versions WHERE id = $1`, [rubricVersionId]);
  return result.rows.length === 0 ? null : rubricDimensionsSchema.parse(result.rows[0].dimensions);
}
