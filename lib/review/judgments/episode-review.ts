/** An episode's review as the caller may see it: judgments (blind-filtered), adjudications, queues. */
import type { Actor } from "@/lib/auth/actor";
import { pool } from "@/lib/db";
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

export async function getEpisodeReview(actor: Actor, episodeId: number): Promise<EpisodeReview> {
  const { items, hidden, isBlind } = await listEpisodeJudgments(actor, episodeId);
  const [episode, queues, adjudications] = await Promise.all([
    pool.query<Pick<EpisodeReview, "reviewStatus" | "reviewedAt" | "score" | "labels" | "annotators">>(
      `SELECT review_status AS "reviewStatus", ${iso("reviewed_at")} AS "reviewedAt", score, coalesce(labels, '{}') AS labels, coalesce(annotators, '{}') AS annotators
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
  return { episodeId, ...episode.rows[0], isBlind, judgments: items, hiddenJudgments: hidden, adjudications, queues: queues.rows };
}
