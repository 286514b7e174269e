/**
 * Saved views: a named filter owned by one person, private or shared with the team. Anyone from
 * viewer up may own views; only the owner or an admin may change or delete one. Every change
 * writes an audit event in the same transaction. API keys may read shared views but own none
 * (a view belongs to a person).
 */
import type pg from "pg";
import type { Actor } from "@/lib/auth/actor";
import { AuthError } from "@/lib/auth/permission";
import { recordAudit } from "@/lib/audit/record";
import { withTransaction } from "@/lib/audit/transaction";
import { pool } from "@/lib/db";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { canonicalQuery } from "./canonical-query";
import type { SavedView, SavedViewCreate, SavedViewList, SavedViewPatch } from "./schema";

type Queryable = Pick<pg.PoolClient, "query">;

const viewColumns = `v.id, v.name, v.query, v.is_shared AS "isShared", coalesce(v.owner_id = $1, false) AS "isMine",
  json_build_object('id', u.id, 'name', u.name, 'email', u.email) AS owner,
  to_char(v.created_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt",
  to_char(v.updated_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updatedAt"`;

function userIdOf(actor: Actor): string | null {
  return actor.type === "user" ? actor.id : null;
}

/** The caller's own views and the ones others share, by name. */
export async function listSavedViews(actor: Actor): Promise<SavedViewList> {
  const result = await pool.query<SavedView>(
    `SELECT ${viewColumns} FROM saved_views v JOIN users u ON u.id = v.owner_id
     WHERE v.owner_id = $1 OR v.is_shared ORDER BY lower(v.name), v.name, v.id`,
    [userIdOf(actor)],
  );
  return { items: result.rows };
}

async function readView(client: Queryable, id: number, actor: Actor): Promise<SavedView> {
  const result = await client.query<SavedView>(`SELECT ${viewColumns} FROM saved_views v JOIN users u ON u.id = v.owner_id WHERE v.id = $2`, [userIdOf(actor), id]);
  return result.rows[0];
}

function isDuplicateName(error: unknown): boolean {
  return (error as { code?: string; constraint?: string }).code === "23505" && (error as { constraint?: string }).constraint === "saved_views_owner_id_name_key";
}

/** Runs `change`, turning the (owner, name) unique violation into a 409 that says what to do. */
async function withUniqueName<T>(name: string | undefined, isOwnView: boolean, change: () => Promise<T>): Promise<T> {
  try {
    return await change();
  } catch (error) {
    if (!isDuplicateName(error)) throw error;
    const whose = isOwnView ? "You already have" : "Its owner already has";
    throw new ConflictError(`${whose} a view named "${name}". Pick another name.`);
  }
}

function toAudit(view: SavedView) {
  return { name: view.name, query: view.query, isShared: view.isShared, ownerId: view.owner.id };
}

export async function createSavedView(actor: Actor, input: SavedViewCreate): Promise<SavedView> {
  const ownerId = userIdOf(actor);
  if (!ownerId) throw new AuthError(403, "Saved views belong to people: sign in to save one (API keys cannot own views).");
  return withUniqueName(input.name, true, () =>
    withTransaction(async (client) => {
      const inserted = await client.query<{ id: number }>(
        `INSERT INTO saved_views (name, query, owner_id, is_shared, updated_at) VALUES ($1, $2, $3, $4, now()) RETURNING id`,
        [input.name, canonicalQuery(input.query), ownerId, input.isShared],
      );
      const view = await readView(client, inserted.rows[0].id, actor);
      await recordAudit(client, { actor, action: "saved_view.create", targetType: "saved_view", targetId: view.id, after: toAudit(view) });
      return view;
    }),
  );
}

/** Locks the view and checks that the actor may change it. */
async function lockOwnView(client: Queryable, actor: Actor, id: number): Promise<SavedView> {
  const locked = await client.query(`SELECT id FROM saved_views WHERE id = $1 FOR UPDATE`, [id]);
  if (locked.rows.length === 0) throw new NotFoundError("Saved view");
  const view = await readView(client, id, actor);
  if (!view.isMine && actor.role !== "admin") throw new AuthError(403, "Only the view's owner or an admin can change or delete it.");
  return view;
}

export async function updateSavedView(actor: Actor, id: number, patch: SavedViewPatch): Promise<SavedView> {
  return withTransaction(async (client) => {
    const before = await lockOwnView(client, actor, id);
    await withUniqueName(patch.name, before.isMine, () =>
      client.query(
        `UPDATE saved_views SET name = coalesce($2, name), query = coalesce($3, query), is_shared = coalesce($4, is_shared), updated_at = now() WHERE id = $1`,
        [id, patch.name ?? null, patch.query === undefined ? null : canonicalQuery(patch.query), patch.isShared ?? null],
      ),
    );
    const after = await readView(client, id, actor);
    await recordAudit(client, { actor, action: "saved_view.update", targetType: "saved_view", targetId: id, before: toAudit(before), after: toAudit(after) });
    return after;
  });
}

export async function deleteSavedView(actor: Actor, id: number): Promise<{ id: number }> {
  return withTransaction(async (client) => {
    const before = await lockOwnView(client, actor, id);
    await client.query(`DELETE FROM saved_views WHERE id = $1`, [id]);
    await recordAudit(client, { actor, action: "saved_view.delete", targetType: "saved_view", targetId: id, before: toAudit(before) });
    return { id };
  });
}
