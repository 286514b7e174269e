/**
 * Rubrics: admins create them and edit them; an edit to instructions or dimensions changes the
 * current version in place only while no judgment uses it, and otherwise makes the next version,
 * so a version never changes once someone has judged under it. Every change is audited.
 */
import type { Actor } from "@/lib/auth/actor";
import { actorUserId } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { withTransaction } from "@/lib/audit/transaction";
import { pool } from "@/lib/db";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { iso, isUniqueViolation, personJson, type Queryable } from "../sql";
import { rubricDimensionsSchema, type Dimension, type Rubric, type RubricCreate, type RubricList, type RubricPatch, type RubricVersion } from "./schema";

const versionColumns = `rv.id, rv.rubric_id AS "rubricId", rv.version, rv.instructions, rv.dimensions,
  EXISTS (SELECT 1 FROM judgments j WHERE j.rubric_version_id = rv.id) AS "isUsed",
  ${personJson("vu")} AS "createdBy", ${iso("rv.created_at")} AS "createdAt"`;

/** One version, with its dimensions validated on the way out of the JSON column. */
export async function readRubricVersion(client: Queryable, versionId: number): Promise<RubricVersion> {
  const result = await client.query<RubricVersion>(
    `SELECT ${versionColumns} FROM rubric_versions rv LEFT JOIN users vu ON vu.id = rv.created_by_id WHERE rv.id = $1`,
    [versionId],
  );
  if (result.rows.length === 0) throw new NotFoundError("Rubric version");
  const row = result.rows[0];
  return { ...row, dimensions: rubricDimensionsSchema.parse(row.dimensions) };
}

/** The dimensions of a version, locked FOR SHARE so no edit can change them while a judgment is checked against them. */
export async function lockRubricVersion(client: Queryable, versionId: number): Promise<{ rubricId: number; dimensions: Dimension[] }> {
  const result = await client.query<{ rubricId: number; dimensions: unknown }>(
    `SELECT rubric_id AS "rubricId", dimensions FROM rubric_versions WHERE id = $1 FOR SHARE`,
    [versionId],
  );
  if (result.rows.length === 0) throw new NotFoundError("Rubric version");
  return { rubricId: result.rows[0].rubricId, dimensions: rubricDimensionsSchema.parse(result.rows[0].dimensions) };
}

async function readRubrics(client: Queryable, id: number | null): Promise<Rubric[]> {
  const result = await client.query<Omit<Rubric, "current"> & { currentId: number }>(
    `SELECT r.id, r.name, r.description, ${personJson("ru")} AS "createdBy", ${iso("r.created_at")} AS "createdAt", ${iso("r.updated_at")} AS "updatedAt",
       (SELECT max(id) FROM rubric_versions WHERE rubric_id = r.id AND version = (SELECT max(version) FROM rubric_versions WHERE rubric_id = r.id)) AS "currentId",
       (SELECT json_agg(json_build_object('id', v.id, 'version', v.version, 'createdAt', ${iso("v.created_at")},
                'judgments', (SELECT count(*)::int FROM judgments j WHERE j.rubric_version_id = v.id)) ORDER BY v.version DESC)
        FROM rubric_versions v WHERE v.rubric_id = r.id) AS versions
     FROM rubrics r LEFT JOIN users ru ON ru.id = r.created_by_id
     WHERE $1::int IS NULL OR r.id = $1 ORDER BY lower(r.name), r.id`,
    [id],
  );
  const rubrics: Rubric[] = [];
  // One at a time: `client` may be a transaction's single connection.
  for (const { currentId, ...rubric } of result.rows) rubrics.push({ ...rubric, current: await readRubricVersion(client, currentId) });
  return rubrics;
}

export async function listRubrics(): Promise<RubricList> {
  return { items: await readRubrics(pool, null) };
}

export async function getRubric(id: number, client: Queryable = pool): Promise<Rubric> {
  const [rubric] = await readRubrics(client, id);
  if (!rubric) throw new NotFoundError("Rubric");
  return rubric;
}

async function uniqueName<T>(name: string | undefined, change: () => Promise<T>): Promise<T> {
  try {
    return await change();
  } catch (error) {
    if (isUniqueViolation(error, "rubrics_name_key")) throw new ConflictError(`A rubric named "${name}" already exists. Pick another name.`);
    throw error;
  }
}

function auditView(rubric: Rubric) {
  const { name, description, current } = rubric;
  return { name, description, version: current.version, versionId: current.id, instructions: current.instructions, dimensions: current.dimensions };
}

export async function createRubric(actor: Actor, input: RubricCreate): Promise<Rubric> {
  return uniqueName(input.name, () =>
    withTransaction(async (client) => {
      const createdBy = actorUserId(actor);
      const inserted = await client.query<{ id: number }>(
        `INSERT INTO rubrics (name, description, created_by_id, updated_at) VALUES ($1, $2, $3, now()) RETURNING id`,
        [input.name, input.description, createdBy],
      );
      const id = inserted.rows[0].id;
      await client.query(`INSERT INTO rubric_versions (rubric_id, version, instructions, dimensions, created_by_id) VALUES ($1, 1, $2, $3::jsonb, $4)`, [
        id,
        input.instructions,
        JSON.stringify(input.dimensions),
        createdBy,
      ]);
      const rubric = await getRubric(id, client);
      await recordAudit(client, { actor, action: "rubric.create", targetType: "rubric", targetId: id, after: auditView(rubric) });
      return rubric;
    }),
  );
}

export async function updateRubric(actor: Actor, id: number, patch: RubricPatch): Promise<Rubric> {
  return uniqueName(patch.name, () =>
    withTransaction(async (client) => {
      const locked = await client.query(`SELECT id FROM rubrics WHERE id = $1 FOR UPDATE`, [id]);
      if (locked.rows.length === 0) throw new NotFoundError("Rubric");
      const before = await getRubric(id, client);
      await client.query(`UPDATE rubrics SET name = coalesce($2, name), description = coalesce($3, description), updated_at = now() WHERE id = $1`, [
        id,
        patch.name ?? null,
        patch.description ?? null,
      ]);
      const isContentChange = patch.instructions !== undefined || patch.dimensions !== undefined;
      let isNewVersion = false;
      if (isContentChange) {
        // FOR UPDATE waits for judgments being saved against this version (they hold FOR SHARE).
        await client.query(`SELECT id FROM rubric_versions WHERE id = $1 FOR UPDATE`, [before.current.id]);
        const used = await client.query(`SELECT 1 FROM judgments WHERE rubric_version_id = $1 LIMIT 1`, [before.current.id]);
        const instructions = patch.instructions ?? before.current.instructions;
        const dimensions = JSON.stringify(patch.dimensions ?? before.current.dimensions);
        isNewVersion = used.rows.length > 0;
        if (isNewVersion)
          await client.query(`INSERT INTO rubric_versions (rubric_id, version, instructions, dimensions, created_by_id) VALUES ($1, $2, $3, $4::jsonb, $5)`, [
            id,
            before.current.version + 1,
            instructions,
            dimensions,
            actorUserId(actor),
          ]);
        else await client.query(`UPDATE rubric_versions SET instructions = $2, dimensions = $3::jsonb WHERE id = $1`, [before.current.id, instructions, dimensions]);
      }
      const after = await getRubric(id, client);
      await recordAudit(client, { actor, action: "rubric.update", targetType: "rubric", targetId: id, before: auditView(before), after: auditView(after), meta: { isNewVersion } });
      return after;
    }),
  );
}
