/**
 * Who may judge, comment on or mask an episode, and who sees whose judgments. Roles come from
 * route() (annotator and up); these are the per-episode rules on top:
 * - in a queue, a person judges an item only while holding one of its slots (claimed with
 *   "next", or already submitted);
 * - outside queues, anyone from annotator up may open an episode, except one in an open blind
 *   queue, which an annotator only reaches through the queue;
 * - blind review: below reviewer, someone who has not submitted their own judgment of an episode in
 *   an open blind queue sees only their own judgments, comments and history.
 */
import type { Actor } from "@/lib/auth/actor";
import { AuthError } from "@/lib/auth/permission";
import { hasRole } from "@/lib/auth/roles";
import { ConflictError, InvalidInputError, NotFoundError } from "@/lib/errors";
import type { Queryable } from "./sql";

export type QueueForJudging = { id: number; rubricVersionId: number; status: "open" | "closed"; slotId: number };

/** The caller's slot on this queue item, locked so it cannot be reclaimed while the judgment is saved. */
export async function lockSlotForJudging(client: Queryable, userId: string, queueId: number, episodeId: number): Promise<QueueForJudging> {
  const queue = await client.query<{ id: number; rubricVersionId: number; status: "open" | "closed"; name: string }>(
    `SELECT id, rubric_version_id AS "rubricVersionId", status, name FROM review_queues WHERE id = $1`,
    [queueId],
  );
  if (queue.rows.length === 0) throw new NotFoundError("Queue");
  const item = await client.query(`SELECT id FROM queue_items WHERE queue_id = $1 AND episode_id = $2`, [queueId, episodeId]);
  if (item.rows.length === 0) throw new InvalidInputError(`Episode ${episodeId} is not in the queue "${queue.rows[0].name}".`);
  const slot = await client.query<{ id: number }>(
    `SELECT id FROM queue_slots WHERE item_id = $1 AND annotator_id = $2 AND status IN ('reserved', 'submitted')
     ORDER BY status DESC, id LIMIT 1 FOR UPDATE`,
    [item.rows[0].id, userId],
  );
  if (slot.rows.length === 0) {
    const hadDraft = await client.query(`SELECT 1 FROM judgments WHERE queue_id = $1 AND episode_id = $2 AND annotator_id = $3`, [queueId, episodeId, userId]);
    if (hadDraft.rows.length > 0)
      throw new ConflictError("Your reservation of this item expired and someone else took the slot. Reload and claim the next item.");
    throw new AuthError(403, `Claim this item from the queue "${queue.rows[0].name}" first (next item), then judge it.`);
  }
  return { ...queue.rows[0], slotId: slot.rows[0].id };
}

/** Anyone from annotator up may open an episode, except one in an open blind queue they hold no slot of (below reviewer). */
export async function assertMayOpen(client: Queryable, actor: Actor, episodeId: number): Promise<void> {
  if (hasRole(actor.role, "reviewer")) return;
  const userId = actor.type === "user" ? actor.id : null;
  const blocked = await client.query<{ name: string }>(
    `SELECT q.name FROM queue_items i JOIN review_queues q ON q.id = i.queue_id
     WHERE i.episode_id = $1 AND q.is_blind AND q.status = 'open'
       AND NOT EXISTS (SELECT 1 FROM queue_slots s WHERE s.item_id = i.id AND s.annotator_id = $2 AND s.status IN ('reserved', 'submitted'))
     ORDER BY q.id LIMIT 1`,
    [episodeId, userId],
  );
  if (blocked.rows.length > 0)
    throw new AuthError(403, `This episode is in the blind queue "${blocked.rows[0].name}": claim it from that queue to work on it.`);
}

/**
 * The items (`i.episode_id`) of open blind queues in which the person `person` (a placeholder for
 * a user id, or NULL for an API key) has not submitted their own judgment: where blind review hides
 * others' work from them. Ends in a WHERE clause, so callers can add `AND …`.
 */
export function blindItemsSql(person: string): string {
  return `SELECT i.episode_id FROM queue_items i JOIN review_queues q ON q.id = i.queue_id
     WHERE q.is_blind AND q.status = 'open'
       AND NOT EXISTS (SELECT 1 FROM judgments j WHERE j.queue_id = q.id AND j.episode_id = i.episode_id AND j.annotator_id = ${person} AND j.status = 'submitted')`;
}

/** Whether blind review limits what the caller sees of this episode to their own work. */
export async function isBlindFor(client: Queryable, actor: Actor, episodeId: number): Promise<boolean> {
  if (hasRole(actor.role, "reviewer")) return false;
  const userId = actor.type === "user" ? actor.id : null;
  const result = await client.query(`${blindItemsSql("$2")} AND i.episode_id = $1 LIMIT 1`, [episodeId, userId]);
  return result.rows.length > 0;
}
