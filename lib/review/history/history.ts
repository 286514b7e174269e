/**
 * Reading the audit trail. Reviewers and admins read everything; annotators read an episode's
 * history (blind review hides other people's judgments and comments there, as everywhere). An
 * episode's history includes the bulk actions that touched it.
 */
import type { Actor } from "@/lib/auth/actor";
import { AuthError } from "@/lib/auth/permission";
import { hasRole } from "@/lib/auth/roles";
import type { AuditEvent } from "@/lib/audit/record";
import { pool } from "@/lib/db";
import { isBlindFor } from "../access";
import type { AuditPage, AuditQuery } from "./schema";

/** Actions that reveal what someone else thought of an episode. */
const opinionActions = `(action LIKE 'judgment.%' OR action LIKE 'comment.%' OR action LIKE 'adjudication.%')`;

export async function readAuditTrail(actor: Actor, query: AuditQuery): Promise<AuditPage> {
  const episodeId = query.targetType === "episode" && query.targetId && /^\d+$/.test(query.targetId) ? Number(query.targetId) : null;
  if (!hasRole(actor.role, "reviewer") && episodeId === null)
    throw new AuthError(403, "Annotators may read an episode's history (targetType=episode&targetId=N); the whole trail needs the reviewer role.");
  const params: unknown[] = [];
  const bind = (value: unknown) => `$${params.push(value)}`;
  const where: string[] = [];
  if (query.targetType !== undefined) {
    const target = `target_type = ${bind(query.targetType)}${query.targetId === undefined ? "" : ` AND target_id = ${bind(query.targetId)}`}`;
    // Bulk actions are one event over many episodes, with the ids in `before`.
    where.push(episodeId === null ? `(${target})` : `((${target}) OR (target_type = 'episodes' AND before->'ids' @> to_jsonb(${bind(episodeId)}::int)))`);
  }
  if (query.actorId !== undefined) where.push(`actor_id = ${bind(query.actorId)}`);
  if (query.cursor !== undefined) where.push(`id < ${bind(query.cursor)}::bigint`);
  if (episodeId !== null && (await isBlindFor(pool, actor, episodeId)))
    where.push(`(NOT ${opinionActions} OR actor_id = ${bind(actor.type === "user" ? actor.id : null)})`);
  const result = await pool.query<AuditEvent>(
    `SELECT id::text AS id, actor_id AS "actorId", actor, action, target_type AS "targetType", target_id AS "targetId",
            before, after, meta, to_char(created_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt"
     FROM audit_events ${where.length > 0 ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY audit_events.id DESC LIMIT ${bind(query.limit + 1)}`,
    params,
  );
  const items = result.rows.slice(0, query.limit);
  return { items, nextCursor: result.rows.length > query.limit ? items[items.length - 1].id : null };
}
