/**
 * Working a queue: "next" claims a slot for the caller, skip and release give it back. A claim is
 * one UPDATE over a `FOR UPDATE SKIP LOCKED` pick, so concurrent claimers never get the same slot;
 * a per-(queue, person) advisory lock keeps one person's concurrent clicks from taking two slots
 * of the same item. A person holds at most one slot per queue: "next" while holding one returns it
 * (with a fresh reservation) instead of claiming another.
 */
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { withTransaction } from "@/lib/audit/transaction";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { readJudgments } from "../judgments/read";
import { iso, personId, type Queryable } from "../sql";
import type { ClaimedSlot, ClaimResult } from "./schema";

const slotColumns = `s.id, s.queue_id AS "queueId", s.item_id AS "itemId", i.episode_id AS "episodeId", s.slot_no AS "slotNo",
  ${iso("s.claimed_at")} AS "claimedAt", ${iso("s.reserved_until")} AS "reservedUntil"`;

/** Items with a claimable slot that the person has not held, submitted or skipped. $1 queue, $2 person. */
const claimableFor = `(s.status = 'open' OR (s.status = 'reserved' AND s.reserved_until <= now()))
  AND NOT EXISTS (SELECT 1 FROM queue_slots m WHERE m.item_id = s.item_id AND m.annotator_id = $2)
  AND NOT EXISTS (SELECT 1 FROM queue_skips k WHERE k.item_id = s.item_id AND k.annotator_id = $2)
  AND NOT EXISTS (SELECT 1 FROM judgments j WHERE j.queue_id = $1 AND j.episode_id = i.episode_id AND j.annotator_id = $2 AND j.status = 'submitted')`;

async function readSlot(client: Queryable, slotId: number): Promise<ClaimedSlot> {
  const result = await client.query<ClaimedSlot>(`SELECT ${slotColumns} FROM queue_slots s JOIN queue_items i ON i.id = s.item_id WHERE s.id = $1`, [slotId]);
  return result.rows[0];
}

async function remainingFor(client: Queryable, queueId: number, userId: string): Promise<number> {
  const result = await client.query<{ count: number }>(
    `SELECT count(DISTINCT s.item_id)::int AS count FROM queue_slots s JOIN queue_items i ON i.id = s.item_id WHERE s.queue_id = $1 AND ${claimableFor}`,
    [queueId, userId],
  );
  return result.rows[0].count;
}

export async function claimNext(actor: Actor, queueId: number): Promise<ClaimResult> {
  personId(actor, "Queue slots");
  return withTransaction((client) => claimNextIn(client, actor, queueId));
}

/** The claim inside the caller's open transaction (the concurrency test holds fifty of them open at once). */
export async function claimNextIn(client: Queryable, actor: Actor, queueId: number): Promise<ClaimResult> {
  const userId = personId(actor, "Queue slots");
  const queue = await client.query<{ status: string; reservationSeconds: number; rubricVersionId: number }>(
    `SELECT status, reservation_seconds AS "reservationSeconds", rubric_version_id AS "rubricVersionId" FROM review_queues WHERE id = $1`,
    [queueId],
  );
  if (queue.rows.length === 0) throw new NotFoundError("Queue");
  const { status, reservationSeconds, rubricVersionId } = queue.rows[0];
  if (status !== "open") throw new ConflictError("This queue is closed.");
  await client.query(`SELECT pg_advisory_xact_lock($1, hashtext($2))`, [queueId, userId]);
  const held = await client.query<{ id: number }>(
    `UPDATE queue_slots SET reserved_until = now() + make_interval(secs => $3)
     WHERE id = (SELECT id FROM queue_slots WHERE queue_id = $1 AND annotator_id = $2 AND status = 'reserved' ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
     RETURNING id`,
    [queueId, userId, reservationSeconds],
  );
  const claimed =
    held.rows.length > 0
      ? held
      : await client.query<{ id: number }>(
          `WITH pick AS (
             SELECT s.id FROM queue_slots s JOIN queue_items i ON i.id = s.item_id
             WHERE s.queue_id = $1 AND ${claimableFor}
             ORDER BY (SELECT count(*) FROM queue_slots t WHERE t.item_id = s.item_id
                         AND (t.status = 'submitted' OR (t.status = 'reserved' AND t.reserved_until > now()))),
                      i.position, s.slot_no
             LIMIT 1 FOR UPDATE OF s SKIP LOCKED)
           UPDATE queue_slots s SET status = 'reserved', annotator_id = $2, claimed_at = now(), reserved_until = now() + make_interval(secs => $3),
             submitted_at = NULL, judgment_id = NULL
           FROM pick WHERE s.id = pick.id RETURNING s.id`,
          [queueId, userId, reservationSeconds],
        );
  if (claimed.rows.length === 0) return { slot: null, rubricVersionId, judgment: null, remaining: 0 };
  const slot = await readSlot(client, claimed.rows[0].id);
  const [judgment] = await readJudgments(client, "j.queue_id = $1 AND j.episode_id = $2 AND j.annotator_id = $3", [queueId, slot.episodeId, userId]);
  return { slot, rubricVersionId, judgment: judgment ?? null, remaining: await remainingFor(client, queueId, userId) };
}

/** Gives the caller's reserved slot back; with `skip`, "next" never offers them that item again. */
async function giveBack(actor: Actor, queueId: number, slotId: number, skip: boolean): Promise<{ slotId: number; status: "open" }> {
  const userId = personId(actor, "Queue slots");
  return withTransaction(async (client) => {
    const locked = await client.query<{ itemId: number; episodeId: number; status: string; annotatorId: string | null }>(
      `SELECT s.item_id AS "itemId", i.episode_id AS "episodeId", s.status, s.annotator_id AS "annotatorId"
       FROM queue_slots s JOIN queue_items i ON i.id = s.item_id WHERE s.id = $1 AND s.queue_id = $2 FOR UPDATE OF s`,
      [slotId, queueId],
    );
    if (locked.rows.length === 0) throw new NotFoundError("Queue slot");
    const slot = locked.rows[0];
    if (slot.annotatorId !== userId || slot.status !== "reserved")
      throw new ConflictError(slot.status === "submitted" && slot.annotatorId === userId ? "You already submitted this slot." : "This slot is not reserved by you (any more). Reload and take the next item.");
    await client.query(`UPDATE queue_slots SET status = 'open', annotator_id = NULL, reserved_until = NULL, claimed_at = NULL WHERE id = $1`, [slotId]);
    if (skip) await client.query(`INSERT INTO queue_skips (queue_id, item_id, annotator_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [queueId, slot.itemId, userId]);
    await recordAudit(client, {
      actor,
      action: skip ? "queue.slot.skip" : "queue.slot.release",
      targetType: "queue",
      targetId: queueId,
      before: { slotId, status: "reserved", annotatorId: userId },
      after: { slotId, status: "open" },
      meta: { episodeId: slot.episodeId, itemId: slot.itemId },
    });
    return { slotId, status: "open" as const };
  });
}

export const skipSlot = (actor: Actor, queueId: number, slotId: number) => giveBack(actor, queueId, slotId, true);
export const releaseSlot = (actor: Actor, queueId: number, slotId: number) => giveBack(actor, queueId, slotId, false);
