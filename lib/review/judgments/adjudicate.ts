/**
 * A reviewer's final decision on an episode: a verdict with a reason, optionally final dimension
 * values, recorded with both (all) sides it resolved. It sets the episode's review status.
 */
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { withTransaction } from "@/lib/audit/transaction";
import { InvalidInputError, NotFoundError } from "@/lib/errors";
import { lockRubricVersion } from "../rubrics/rubrics";
import { mergeScores } from "../rubrics/scores";
import { lockEpisode, personId } from "../sql";
import { refreshEpisodeReview } from "./episode-state";
import { readAdjudications, readJudgments } from "./read";
import type { Adjudication, AdjudicationCreate } from "./schema";

export async function adjudicate(actor: Actor, episodeId: number, input: AdjudicationCreate): Promise<Adjudication> {
  const reviewerId = personId(actor, "Adjudications");
  const queueId = input.queueId ?? null;
  return withTransaction(async (client) => {
    await lockEpisode(client, episodeId);
    let rubricVersionId = input.rubricVersionId ?? null;
    if (queueId !== null) {
      const queue = await client.query<{ rubricVersionId: number }>(
        `SELECT q.rubric_version_id AS "rubricVersionId" FROM review_queues q JOIN queue_items i ON i.queue_id = q.id WHERE q.id = $1 AND i.episode_id = $2`,
        [queueId, episodeId],
      );
      if (queue.rows.length === 0) throw new NotFoundError("Queue item");
      rubricVersionId = queue.rows[0].rubricVersionId;
    }
    let scores = null;
    if (input.scores && Object.keys(input.scores).length > 0) {
      if (rubricVersionId === null) throw new InvalidInputError("Final scores need a rubric version (rubricVersionId) or a queue.", { rubricVersionId: "required" });
      scores = mergeScores((await lockRubricVersion(client, rubricVersionId)).dimensions, {}, input.scores, false);
    }
    const judgments = await readJudgments(client, `j.episode_id = $1 AND j.status = 'submitted' AND ($2::int IS NULL OR j.queue_id = $2)`, [episodeId, queueId]);
    const sides = judgments.map((j) => ({ judgmentId: j.id, annotator: j.annotator, verdict: j.verdict, scores: j.scores, labels: j.labels, reason: j.reason, version: j.version }));
    const inserted = await client.query<{ id: number }>(
      `INSERT INTO adjudications (episode_id, queue_id, rubric_version_id, reviewer_id, verdict, reason, scores, sides)
       VALUES ($1, $2, $3, $4, $5::"Verdict", $6, $7::jsonb, $8::jsonb) RETURNING id`,
      [episodeId, queueId, rubricVersionId, reviewerId, input.verdict, input.reason, scores && JSON.stringify(scores), JSON.stringify(sides)],
    );
    const id = inserted.rows[0].id;
    await refreshEpisodeReview(client, episodeId);
    await recordAudit(client, {
      actor,
      action: "adjudication.create",
      targetType: "episode",
      targetId: episodeId,
      before: { sides },
      after: { verdict: input.verdict, reason: input.reason, scores },
      meta: { adjudicationId: id, queueId },
    });
    const [adjudication] = await readAdjudications(client, "a.id = $1", [id]);
    return adjudication;
  });
}
