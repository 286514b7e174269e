/** A queue's agreement figures, conflicts and gold accuracy, read from its submitted judgments. */
import { pool } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { readAdjudications, readDimensions, readJudgments } from "../judgments/read";
import type { Judgment } from "../judgments/schema";
import { scoresSchema } from "../rubrics/scores";
import { agreementByDimension, disagreements, goldAccuracy, isConflict, type SubmittedRating } from "./compute";
import type { ConflictList, QueueAgreement } from "./schema";

async function loadQueue(queueId: number) {
  const queue = await pool.query<{ rubricVersionId: number }>(`SELECT rubric_version_id AS "rubricVersionId" FROM review_queues WHERE id = $1`, [queueId]);
  if (queue.rows.length === 0) throw new NotFoundError("Queue");
  const { rubricVersionId } = queue.rows[0];
  const dimensions = (await readDimensions(pool, rubricVersionId)) ?? [];
  const items = await pool.query<{ id: number; episodeId: number; isGold: boolean; goldVerdict: Judgment["verdict"]; goldScores: unknown }>(
    `SELECT id, episode_id AS "episodeId", is_gold AS "isGold", gold_verdict AS "goldVerdict", gold_scores AS "goldScores" FROM queue_items WHERE queue_id = $1 ORDER BY position, id`,
    [queueId],
  );
  // One (current) submitted judgment per person and item: the queue's own, under its rubric version.
  const judgments = await readJudgments(pool, `j.queue_id = $1 AND j.status = 'submitted' AND j.rubric_version_id = $2`, [queueId, rubricVersionId]);
  const itemOf = new Map(items.rows.map((i) => [i.episodeId, i.id]));
  const ratings: (SubmittedRating & { judgment: Judgment })[] = judgments.map((j) => ({
    itemId: itemOf.get(j.episodeId)!,
    annotator: j.annotator,
    verdict: j.verdict,
    scores: j.scores,
    judgment: j,
  }));
  return { rubricVersionId, dimensions, items: items.rows, ratings: ratings.filter((r) => r.itemId !== undefined) };
}

export async function getQueueAgreement(queueId: number): Promise<QueueAgreement> {
  const { rubricVersionId, dimensions, items, ratings } = await loadQueue(queueId);
  const gold = items
    .filter((i) => i.isGold)
    .map((i) => ({ itemId: i.id, verdict: i.goldVerdict, scores: i.goldScores === null ? null : scoresSchema.parse(i.goldScores) }));
  const annotators = [...new Map(ratings.map((r) => [r.annotator.id, r.annotator])).values()].sort((a, b) => a.email.localeCompare(b.email));
  return {
    queueId,
    rubricVersionId,
    judgedItems: new Set(ratings.map((r) => r.itemId)).size,
    annotators,
    ...agreementByDimension(dimensions, ratings),
    gold: goldAccuracy(dimensions, gold, ratings),
  };
}

export async function listConflicts(queueId: number, status: "open" | "resolved" | "all"): Promise<ConflictList> {
  const { dimensions, items, ratings } = await loadQueue(queueId);
  const adjudications = await readAdjudications(pool, "a.queue_id = $1", [queueId]);
  const latest = new Map(adjudications.map((a) => [a.episodeId, a]));
  const conflicts: ConflictList["items"] = [];
  for (const item of items) {
    const mine = ratings.filter((r) => r.itemId === item.id);
    if (mine.length < 2) continue;
    const found = disagreements(dimensions, mine);
    if (!isConflict(found)) continue;
    const adjudication = latest.get(item.episodeId) ?? null;
    if ((status === "open" && adjudication) || (status === "resolved" && !adjudication)) continue;
    conflicts.push({ itemId: item.id, episodeId: item.episodeId, disagreements: found, judgments: mine.map((r) => r.judgment), adjudication });
  }
  return { items: conflicts };
}
