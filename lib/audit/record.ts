/**
 * The audit trail: who changed what, when, with before and after. `audit_events` is append-only
 * (rules in the migration turn UPDATE and DELETE into no-ops).
 *
 * `recordAudit` takes a pg client (a `pg.PoolClient` from `withTransaction`, the same kind the
 * import and undo paths use) and inserts inside the caller's open transaction, so the event
 * commits or rolls back with the change it describes. Prisma transactions are not supported: raw
 * SQL writers (bulk actions, imports) hold a pg client, and one kind of client keeps it simple.
 */
import type pg from "pg";
import type { Actor } from "@/lib/auth/actor";
import { pool } from "@/lib/db";

type Queryable = Pick<pg.PoolClient, "query">;

export type AuditEventInput = {
  actor: Actor;
  /** `<target type>.<verb>`, e.g. `episodes.bulk.label_add`, `saved_view.update`. */
  action: string;
  targetType: string;
  targetId?: string | number | null;
  before?: unknown;
  after?: unknown;
  meta?: Record<string, unknown>;
};

export type AuditEvent = {
  id: string;
  actorId: string | null;
  actor: string;
  action: string;
  targetType: string;
  targetId: string | null;
  before: unknown;
  after: unknown;
  meta: Record<string, unknown>;
  createdAt: string;
};

/** How the actor is written down: users by email (plus their id), API keys as `key:<name>`. */
export function auditActor(actor: Actor): { actorId: string | null; actor: string } {
  return actor.type === "user" ? { actorId: actor.id, actor: actor.email } : { actorId: null, actor: `key:${actor.name}` };
}

function json(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

/** Appends one event in the caller's transaction; returns its id. */
export async function recordAudit(client: Queryable, event: AuditEventInput): Promise<string> {
  const who = auditActor(event.actor);
  const result = await client.query<{ id: string }>(
    `INSERT INTO audit_events (actor_id, actor, action, target_type, target_id, before, after, meta)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8::jsonb) RETURNING id::text AS id`,
    [
      who.actorId,
      who.actor,
      event.action,
      event.targetType,
      event.targetId === undefined || event.targetId === null ? null : String(event.targetId),
      json(event.before),
      json(event.after),
      JSON.stringify(event.meta ?? {}),
    ],
  );
  return result.rows[0].id;
}

/** The newest events about one target (or a whole target type when `targetId` is omitted). */
export async function listAudit({ targetType, targetId, limit = 50 }: { targetType: string; targetId?: string | number; limit?: number }): Promise<AuditEvent[]> {
  const params: unknown[] = [targetType, Math.min(Math.max(Math.trunc(limit), 1), 500)];
  const byTarget = targetId === undefined ? "" : `AND target_id = $${params.push(String(targetId))}`;
  const result = await pool.query<AuditEvent>(
    `SELECT id::text AS id, actor_id AS "actorId", actor, action, target_type AS "targetType", target_id AS "targetId",
            before, after, meta, to_char(created_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt"
     FROM audit_events WHERE target_type = $1 ${byTarget} ORDER BY audit_events.id DESC LIMIT $2`,
    params,
  );
  return result.rows;
}
