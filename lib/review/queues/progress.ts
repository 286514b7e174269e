/** Per-queue and per-annotator progress, and the item list (with gold answers, for reviewers). */
import { pool } from "@/lib/db";
import { iso, personJson } from "../sql";
import { readQueue } from "./read";
import type { QueueItem, QueueProgress } from "./schema";

export async function getQueueProgress(queueId: number): Promise<QueueProgress> {
  const queue = await readQueue(pool, null, queueId);
  const annotators = await pool.query<QueueProgress["annotators"][number]>(
    `WITH people AS (
       SELECT annotator_id AS id FROM queue_slots WHERE queue_id = $1 AND annotator_id IS NOT NULL
       UNION SELECT annotator_id FROM queue_skips WHERE queue_id = $1
       UNION SELECT annotator_id FROM judgments WHERE queue_id = $1)
     SELECT json_build_object('id', u.id, 'name', u.name, 'email', u.email) AS annotator,
       (SELECT count(*)::int FROM queue_slots s WHERE s.queue_id = $1 AND s.annotator_id = u.id AND s.status = 'submitted') AS submitted,
       (SELECT count(*)::int FROM queue_slots s WHERE s.queue_id = $1 AND s.annotator_id = u.id AND s.status = 'reserved' AND s.reserved_until > now()) AS reserved,
       (SELECT count(*)::int FROM queue_skips k WHERE k.queue_id = $1 AND k.annotator_id = u.id) AS skipped,
       (SELECT count(DISTINCT s.item_id)::int FROM queue_slots s
         WHERE s.queue_id = $1 AND (s.status = 'open' OR (s.status = 'reserved' AND s.reserved_until <= now()))
           AND NOT EXISTS (SELECT 1 FROM queue_slots m WHERE m.item_id = s.item_id AND m.annotator_id = u.id)
           AND NOT EXISTS (SELECT 1 FROM queue_skips k WHERE k.item_id = s.item_id AND k.annotator_id = u.id)) AS available
     FROM people p JOIN users u ON u.id = p.id ORDER BY lower(u.email)`,
    [queueId],
  );
  return { queueId, overall: queue.progress, annotators: annotators.rows };
}

export async function listQueueItems(queueId: number): Promise<{ items: QueueItem[] }> {
  await readQueue(pool, null, queueId);
  const result = await pool.query<QueueItem>(
    `SELECT i.id, i.episode_id AS "episodeId", i.position, i.is_gold AS "isGold", i.gold_verdict AS "goldVerdict", i.gold_scores AS "goldScores",
       (SELECT count(*)::int FROM queue_slots s WHERE s.item_id = i.id AND s.status = 'submitted') AS submitted,
       (SELECT count(*)::int FROM queue_slots s WHERE s.item_id = i.id AND s.status = 'reserved' AND s.reserved_until > now()) AS reserved,
       (SELECT coalesce(json_agg(json_build_object('slotId', s.id, 'annotator', ${personJson("u")}, 'reservedUntil', ${iso("s.reserved_until")}) ORDER BY s.id), '[]')
          FROM queue_slots s JOIN users u ON u.id = s.annotator_id
          WHERE s.item_id = i.id AND s.status = 'reserved' AND s.reserved_until > now()) AS reservations
     FROM queue_items i WHERE i.queue_id = $1 ORDER BY i.position, i.id`,
    [queueId],
  );
  return { items: result.rows };
}
