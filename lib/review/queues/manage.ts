/**
 * Creating and changing queues (admins). A queue snapshots the episodes its filter or saved view
 * matches at creation, in the same transaction as the queue, its gold items and its slots.
 */
import type { Actor } from "@/lib/auth/actor";
import { actorUserId } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { withTransaction } from "@/lib/audit/transaction";
import { filterQuerySchema } from "@/lib/bulk/schema";
import { pool } from "@/lib/db";
import { ConflictError, InvalidInputError, NotFoundError } from "@/lib/errors";
import { toSearchParams, type EpisodeFilter } from "@/lib/search/filter";
import { bind, filterToSql } from "@/lib/search/to-sql";
import { lockRubricVersion } from "../rubrics/rubrics";
import { mergeScores } from "../rubrics/scores";
import { isUniqueViolation, type Queryable } from "../sql";
import { readQueue, readQueues } from "./read";
import { MAX_QUEUE_ITEMS, type GoldItemInput, type Queue, type QueueCreate, type QueueGold, type QueueList, type QueuePatch } from "./schema";

export async function listQueues(actor: Actor): Promise<QueueList> {
  return { items: await readQueues(pool, actorUserId(actor), null) };
}

export async function getQueue(actor: Actor, id: number): Promise<Queue> {
  return readQueue(pool, actorUserId(actor), id);
}

async function currentVersionOf(client: Queryable, rubricId: number): Promise<number> {
  const result = await client.query<{ id: number }>(`SELECT id FROM rubric_versions WHERE rubric_id = $1 ORDER BY version DESC LIMIT 1`, [rubricId]);
  if (result.rows.length === 0) throw new NotFoundError("Rubric");
  return result.rows[0].id;
}

/** The filter of a saved view the actor can see (their own or a shared one). */
async function viewFilter(client: Queryable, actor: Actor, viewId: number): Promise<EpisodeFilter> {
  const view = await client.query<{ query: string }>(`SELECT query FROM saved_views WHERE id = $1 AND (is_shared OR owner_id = $2)`, [viewId, actorUserId(actor)]);
  if (view.rows.length === 0) throw new NotFoundError("Saved view");
  const parsed = filterQuerySchema.safeParse(view.rows[0].query);
  if (!parsed.success) throw new InvalidInputError("The saved view's filter is no longer valid; fix the view first.");
  return parsed.data;
}

function uniqueName<T>(name: string | undefined, change: () => Promise<T>): Promise<T> {
  return change().catch((error) => {
    if (isUniqueViolation(error, "review_queues_name_key")) throw new ConflictError(`A queue named "${name}" already exists. Pick another name.`);
    throw error;
  });
}

/** Adds (or marks) gold items and gives new items their slots. */
async function addGold(client: Queryable, queueId: number, rubricVersionId: number, overlap: number, gold: GoldItemInput[]): Promise<void> {
  if (gold.length === 0) return;
  const { dimensions } = await lockRubricVersion(client, rubricVersionId);
  for (const item of gold) {
    const scores = item.scores ? mergeScores(dimensions, {}, item.scores, false) : null;
    const exists = await client.query(`SELECT 1 FROM episodes WHERE id = $1`, [item.episodeId]);
    if (exists.rows.length === 0) throw new InvalidInputError(`Gold item: episode ${item.episodeId} does not exist.`);
    await client.query(
      `INSERT INTO queue_items (queue_id, episode_id, position, is_gold, gold_verdict, gold_scores)
       VALUES ($1, $2, (SELECT coalesce(max(position), 0) + 1 FROM queue_items WHERE queue_id = $1), true, $3::"Verdict", $4::jsonb)
       ON CONFLICT (queue_id, episode_id) DO UPDATE SET is_gold = true, gold_verdict = EXCLUDED.gold_verdict, gold_scores = EXCLUDED.gold_scores`,
      [queueId, item.episodeId, item.verdict ?? null, scores && JSON.stringify(scores)],
    );
  }
  await addMissingSlots(client, queueId, overlap);
}

async function addMissingSlots(client: Queryable, queueId: number, overlap: number): Promise<void> {
  await client.query(
    `INSERT INTO queue_slots (queue_id, item_id, slot_no) SELECT $1, i.id, n FROM queue_items i CROSS JOIN generate_series(0, $2::int - 1) AS n
     WHERE i.queue_id = $1 ON CONFLICT (item_id, slot_no) DO NOTHING`,
    [queueId, overlap],
  );
}

function auditView(q: Queue) {
  const { name, description, rubricVersionId, sourceViewId, sourceQuery, overlap, isBlind, reservationSeconds, status } = q;
  return { name, description, rubricVersionId, sourceViewId, sourceQuery, overlap, isBlind, reservationSeconds, status, items: q.progress.items };
}

export async function createQueue(actor: Actor, input: QueueCreate): Promise<Queue> {
  return uniqueName(input.name, () =>
    withTransaction(async (client) => {
      const rubricVersionId = input.rubricVersionId ?? (await currentVersionOf(client, input.rubricId!));
      await lockRubricVersion(client, rubricVersionId);
      const filter = input.viewId !== undefined ? await viewFilter(client, actor, input.viewId) : input.query!;
      const sourceQuery = toSearchParams(filter).toString();
      const queue = await client.query<{ id: number }>(
        `INSERT INTO review_queues (name, description, rubric_version_id, source_view_id, source_query, overlap, is_blind, reservation_seconds, created_by_id, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now()) RETURNING id`,
        [input.name, input.description, rubricVersionId, input.viewId ?? null, sourceQuery, input.overlap, input.isBlind, input.reservationSeconds, actorUserId(actor)],
      );
      const id = queue.rows[0].id;
      const { where, params } = filterToSql(filter);
      const queueParam = bind(params, id);
      // Shuffled by a hash of (queue, episode): gold items mix in, and neighbours in the list are not neighbours in the queue.
      const inserted = await client.query(
        `INSERT INTO queue_items (queue_id, episode_id, position)
         SELECT ${queueParam}::int, m.id, row_number() OVER (ORDER BY md5(${queueParam}::text || ':' || m.id::text), m.id)
         FROM (SELECT e.id FROM episodes e WHERE ${where} LIMIT ${MAX_QUEUE_ITEMS + 1}) AS m`,
        params,
      );
      if ((inserted.rowCount ?? 0) > MAX_QUEUE_ITEMS)
        throw new InvalidInputError(`The filter matches more than ${MAX_QUEUE_ITEMS.toLocaleString("en-US")} episodes, the most a queue holds. Narrow it.`);
      await addMissingSlots(client, id, input.overlap);
      await addGold(client, id, rubricVersionId, input.overlap, input.gold);
      const created = await readQueue(client, actorUserId(actor), id);
      if (created.progress.items === 0) throw new InvalidInputError("The filter matches no episodes and there are no gold items: the queue would be empty.");
      await recordAudit(client, { actor, action: "queue.create", targetType: "queue", targetId: id, after: { ...auditView(created), gold: input.gold } });
      return created;
    }),
  );
}

export async function updateQueue(actor: Actor, id: number, patch: QueuePatch): Promise<Queue> {
  return uniqueName(patch.name, () =>
    withTransaction(async (client) => {
      const locked = await client.query(`SELECT id FROM review_queues WHERE id = $1 FOR UPDATE`, [id]);
      if (locked.rows.length === 0) throw new NotFoundError("Queue");
      const before = await readQueue(client, actorUserId(actor), id);
      if (patch.overlap !== undefined && patch.overlap < before.overlap)
        throw new InvalidInputError(`Overlap can only grow (it is ${before.overlap}): slots already claimed cannot be taken back.`);
      if (patch.rubricVersionId !== undefined && patch.rubricVersionId !== before.rubricVersionId) {
        const judged = await client.query(`SELECT 1 FROM judgments WHERE queue_id = $1 LIMIT 1`, [id]);
        if (judged.rows.length > 0) throw new ConflictError("Items in this queue have been judged: its rubric version can no longer change. Create a new queue.");
        await lockRubricVersion(client, patch.rubricVersionId);
      }
      await client.query(
        `UPDATE review_queues SET name = coalesce($2, name), description = coalesce($3, description), status = coalesce($4::"QueueStatus", status),
           is_blind = coalesce($5, is_blind), reservation_seconds = coalesce($6, reservation_seconds), overlap = coalesce($7, overlap),
           rubric_version_id = coalesce($8, rubric_version_id), updated_at = now()
         WHERE id = $1`,
        [id, patch.name ?? null, patch.description ?? null, patch.status ?? null, patch.isBlind ?? null, patch.reservationSeconds ?? null, patch.overlap ?? null, patch.rubricVersionId ?? null],
      );
      if (patch.overlap !== undefined) await addMissingSlots(client, id, patch.overlap);
      const after = await readQueue(client, actorUserId(actor), id);
      await recordAudit(client, { actor, action: "queue.update", targetType: "queue", targetId: id, before: auditView(before), after: auditView(after) });
      return after;
    }),
  );
}

export async function addGoldItems(actor: Actor, id: number, input: QueueGold): Promise<Queue> {
  return withTransaction(async (client) => {
    const locked = await client.query<{ rubricVersionId: number; overlap: number }>(
      `SELECT rubric_version_id AS "rubricVersionId", overlap FROM review_queues WHERE id = $1 FOR UPDATE`,
      [id],
    );
    if (locked.rows.length === 0) throw new NotFoundError("Queue");
    const before = await client.query(`SELECT episode_id AS "episodeId", gold_verdict AS verdict, gold_scores AS scores FROM queue_items WHERE queue_id = $1 AND is_gold ORDER BY episode_id`, [id]);
    await addGold(client, id, locked.rows[0].rubricVersionId, locked.rows[0].overlap, input.items);
    const after = await client.query(`SELECT episode_id AS "episodeId", gold_verdict AS verdict, gold_scores AS scores FROM queue_items WHERE queue_id = $1 AND is_gold ORDER BY episode_id`, [id]);
    await recordAudit(client, { actor, action: "queue.gold", targetType: "queue", targetId: id, before: { gold: before.rows }, after: { gold: after.rows } });
    return readQueue(client, actorUserId(actor), id);
  });
}
