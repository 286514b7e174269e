/**
 * Keeps an episode's review columns current. Called inside the transaction of every change to
 * judgments or adjudications, after `lockEpisode`, so concurrent changes recompute in turn.
 */
import { rubricDimensionsSchema } from "../rubrics/schema";
import { scoresSchema } from "../rubrics/scores";
import type { Queryable } from "../sql";
import { deriveReviewState, type ReviewStatus } from "./derive-state";
import type { Verdict } from "./schema";

type JudgmentRow = { annotatorId: string; verdict: Verdict | null; scores: unknown; labels: string[] | null; dimensions: unknown };

export async function refreshEpisodeReview(client: Queryable, episodeId: number): Promise<void> {
  const judgments = await client.query<JudgmentRow>(
    `SELECT j.annotator_id AS "annotatorId", j.verdict, j.scores, j.labels, rv.dimensions
     FROM judgments j JOIN rubric_versions rv ON rv.id = j.rubric_version_id
     WHERE j.episode_id = $1 AND j.status = 'submitted' ORDER BY j.id`,
    [episodeId],
  );
  const adjudication = await client.query<{ verdict: Verdict; scores: unknown; dimensions: unknown }>(
    `SELECT a.verdict, a.scores, rv.dimensions FROM adjudications a LEFT JOIN rubric_versions rv ON rv.id = a.rubric_version_id
     WHERE a.episode_id = $1 ORDER BY a.id DESC LIMIT 1`,
    [episodeId],
  );
  const needed = await client.query<{ needed: number }>(
    `SELECT coalesce(max(q.overlap), 1)::int AS needed FROM queue_items i JOIN review_queues q ON q.id = i.queue_id WHERE i.episode_id = $1`,
    [episodeId],
  );
  const current = await client.query<{ reviewStatus: ReviewStatus; bulkLabels: string[] | null }>(
    `SELECT review_status AS "reviewStatus", bulk_labels AS "bulkLabels" FROM episodes WHERE id = $1`,
    [episodeId],
  );
  const adjudicated = adjudication.rows[0];
  const state = deriveReviewState({
    judgments: judgments.rows.map((row) => ({
      annotatorId: row.annotatorId,
      verdict: row.verdict,
      scores: scoresSchema.parse(row.scores),
      labels: row.labels ?? [],
      dimensions: rubricDimensionsSchema.parse(row.dimensions),
    })),
    adjudication: adjudicated
      ? {
          verdict: adjudicated.verdict,
          scores: adjudicated.scores === null ? null : scoresSchema.parse(adjudicated.scores),
          dimensions: adjudicated.dimensions === null ? null : rubricDimensionsSchema.parse(adjudicated.dimensions),
        }
      : null,
    needed: needed.rows[0].needed,
    current: { reviewStatus: current.rows[0].reviewStatus, bulkLabels: current.rows[0].bulkLabels ?? [] },
  });
  await client.query(
    `UPDATE episodes SET review_status = $2::"ReviewStatus", score = $3, labels = $4::text[], review_labels = $5::text[], annotators = $6::text[],
       reviewed_at = CASE WHEN review_status = $2::"ReviewStatus" THEN reviewed_at ELSE now() END, updated_at = now()
     WHERE id = $1`,
    [episodeId, state.reviewStatus, state.score, state.labels, state.reviewLabels, state.annotators],
  );
}
