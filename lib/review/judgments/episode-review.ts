/** An episode's review as the caller may see it: judgments (blind-filtered), adjudications, queues. */
import type { Actor } from "@/lib/auth/actor";
import { pool } from "@/lib/db";
import { makeRedaction, redactRow } from "@/lib/search/redaction";
import { isBlindFor } from "../access";
import { assertEpisodeExists, iso } from "../sql";
import { readAdjudications, readJudgments } from "./read";
import type { EpisodeReview, JudgmentList } from "./schema";

export async function listEpisodeJudgments(actor: Actor, episodeId: number): Promise<JudgmentList & { isBlind: boolean }> {
  await assertEpisodeExists(pool, episodeId);
  const all = await readJudgments(pool, "j.episode_id = $1", [episodeId]);
  const isBlind = await isBlindFor(pool, actor, episodeId);
  const items = isBlind ? all.filter((j) => actor.type === "user" && j.annotator.id === actor.id) : all;
  return { items, hidden: all.length - items.length, isBlind };
}

type EpisodeState = Pick<EpisodeReview, "reviewStatus" | "reviewedAt" | "score" | "labels" | "annotators"> & { id: number; bulkLabels: string[] };

export async function getEpisodeReview(actor: Actor, episodeId: number): Promise<EpisodeReview> {
  const { items, hidden, isBlind } = await listEpisodeJudgments(actor, episodeId);
  const [episode, queues, adjudications] = await Promise.all([
    pool.query<EpisodeState>(
      `SELECT id, review_status AS "reviewStatus", ${iso("reviewed_at")} AS "reviewedAt", score, coalesce(labels, '{}') AS labels, coalesce(annotators, '{}') AS annotators,
         coalesce(bulk_labels, '{}') AS "bulkLabels"
       FROM episodes WHERE id = $1`,
      [episodeId],
    ),
    pool.query<EpisodeReview["queues"][number]>(
      `SELECT q.id, q.name, q.is_blind AS "isBlind", q.rubric_version_id AS "rubricVersionId", q.status
       FROM queue_items i JOIN review_queues q ON q.id = i.queue_id WHERE i.episode_id = $1 ORDER BY q.id`,
      [episodeId],
    ),
    isBlind ? Promise.resolve([]) : readAdjudications(pool, "a.episode_id = $1", [episodeId]),
  ]);
  const row = episode.rows[0];
  // Blind: the status, score, labels and annotators derived from the hidden judgments are hidden too.
  const { id: _id, bulkLabels: _bulkLabels, ...state } = redactRow(row, isBlind ? makeRedaction([row]) : null);
  return { episodeId, ...state, isBlind, judgments: items, hiddenJudgments: hidden, adjudications, queues: queues.rows };
}
