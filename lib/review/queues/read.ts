/** Reading queues back with their progress. */
import { NotFoundError } from "@/lib/errors";
import { iso, personJson, type Queryable } from "../sql";
import type { Queue } from "./schema";

/** Progress counts over the slots of the queues in scope ($1 = the caller's user id, or null). */
const progress = `json_build_object(
  'items', (SELECT count(*)::int FROM queue_items i WHERE i.queue_id = q.id),
  'slots', (SELECT count(*)::int FROM queue_slots s WHERE s.queue_id = q.id),
  'submitted', (SELECT count(*)::int FROM queue_slots s WHERE s.queue_id = q.id AND s.status = 'submitted'),
  'reserved', (SELECT count(*)::int FROM queue_slots s WHERE s.queue_id = q.id AND s.status = 'reserved' AND s.reserved_until > now()),
  'open', (SELECT count(*)::int FROM queue_slots s WHERE s.queue_id = q.id AND (s.status = 'open' OR (s.status = 'reserved' AND s.reserved_until <= now()))),
  'itemsComplete', (SELECT count(*)::int FROM queue_items i WHERE i.queue_id = q.id
                     AND NOT EXISTS (SELECT 1 FROM queue_slots s WHERE s.item_id = i.id AND s.status <> 'submitted')))`;

/**
 * The caller's part. The slot they hold counts until someone else takes it, even past its
 * reservation: until then they may still save it, and "next" hands it back with a fresh one.
 */
const mine = `json_build_object(
  'submitted', (SELECT count(*)::int FROM queue_slots s WHERE s.queue_id = q.id AND s.annotator_id = $1 AND s.status = 'submitted'),
  'reservedSlotId', held.id, 'reservedEpisodeId', held.episode_id, 'reservedUntil', ${iso("held.reserved_until")})`;

const heldSlot = `LEFT JOIN LATERAL (
  SELECT s.id, i.episode_id, s.reserved_until FROM queue_slots s JOIN queue_items i ON i.id = s.item_id
  WHERE s.queue_id = q.id AND s.annotator_id = $1 AND s.status = 'reserved' ORDER BY s.id LIMIT 1) held ON true`;

export async function readQueues(client: Queryable, userId: string | null, id: number | null): Promise<Queue[]> {
  const result = await client.query<Queue>(
    `SELECT q.id, q.name, q.description, q.rubric_version_id AS "rubricVersionId",
       json_build_object('id', r.id, 'name', r.name, 'version', rv.version) AS rubric,
       q.source_view_id AS "sourceViewId", q.source_query AS "sourceQuery", q.overlap, q.is_blind AS "isBlind",
       q.reservation_seconds AS "reservationSeconds", q.status, ${personJson("u")} AS "createdBy",
       ${iso("q.created_at")} AS "createdAt", ${iso("q.updated_at")} AS "updatedAt", ${progress} AS progress, ${mine} AS mine
     FROM review_queues q JOIN rubric_versions rv ON rv.id = q.rubric_version_id JOIN rubrics r ON r.id = rv.rubric_id
     LEFT JOIN users u ON u.id = q.created_by_id ${heldSlot}
     WHERE $2::int IS NULL OR q.id = $2 ORDER BY q.status, q.created_at DESC, q.id DESC`,
    [userId, id],
  );
  return result.rows;
}

export async function readQueue(client: Queryable, userId: string | null, id: number): Promise<Queue> {
  const [queue] = await readQueues(client, userId, id);
  if (!queue) throw new NotFoundError("Queue");
  return queue;
}
