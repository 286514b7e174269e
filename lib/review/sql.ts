/** Small SQL helpers shared by the review modules (raw SQL on the pg pool, like lib/views). */
import type pg from "pg";
import type { Actor } from "@/lib/auth/actor";
import { AuthError } from "@/lib/auth/permission";
import { NotFoundError } from "@/lib/errors";

export type Queryable = Pick<pg.PoolClient, "query">;

/** A timestamp column as the ISO string the API returns. */
export function iso(column: string): string {
  return `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/** `{ id, name, email }` of the user joined as `alias`, or null. */
export function personJson(alias: string): string {
  return `CASE WHEN ${alias}.id IS NULL THEN NULL ELSE json_build_object('id', ${alias}.id, 'name', ${alias}.name, 'email', ${alias}.email) END`;
}

/** Judgments, comments, masks and claims belong to a person: API keys are refused (403). */
export function personId(actor: Actor, what: string): string {
  if (actor.type !== "user") throw new AuthError(403, `${what} belong to people: sign in (API keys cannot do this).`);
  return actor.id;
}

/**
 * Locks the episode row for the rest of the transaction. Every change that feeds the episode's
 * review columns takes this lock first, so two people judging at once recompute them one after
 * the other and neither's judgment is left out.
 */
export async function lockEpisode(client: Queryable, episodeId: number): Promise<void> {
  const result = await client.query(`SELECT id FROM episodes WHERE id = $1 FOR UPDATE`, [episodeId]);
  if (result.rows.length === 0) throw new NotFoundError("Episode");
}

export async function assertEpisodeExists(client: Queryable, episodeId: number): Promise<void> {
  const result = await client.query(`SELECT 1 FROM episodes WHERE id = $1`, [episodeId]);
  if (result.rows.length === 0) throw new NotFoundError("Episode");
}

/** Whether a pg error is a unique violation of the named constraint or index. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: string; constraint?: string };
  return e.code === "23505" && e.constraint === constraint;
}
