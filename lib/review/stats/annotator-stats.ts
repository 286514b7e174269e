/**
 * Per-annotator statistics over a period: items per day, median time per item, agreement with
 * peers (verdict kappa) and with gold, verdict mix, optionally within one queue. Reviewers see
 * everyone; annotators themselves.
 */
import type { Actor } from "@/lib/auth/actor";
import { hasRole } from "@/lib/auth/roles";
import { pool } from "@/lib/db";
import { pairwiseKappa } from "../agreement";
import { matchesGold } from "../consensus/compute";
import { readJudgments } from "../judgments/read";
import type { Verdict } from "../judgments/schema";
import { rubricDimensionsSchema } from "../rubrics/schema";
import { scoresSchema } from "../rubrics/scores";
import type { AnnotatorStats, AnnotatorStatsList, AnnotatorStatsQuery } from "./schema";

const DAY_MS = 24 * 3600 * 1000;

/** The period as ISO instants; a bare `to` date includes that whole day. */
export function statsPeriod(query: Pick<AnnotatorStatsQuery, "from" | "to">, now = new Date()): { from: string; to: string } {
  const to = query.to === undefined ? now : query.to.length === 10 ? new Date(Date.parse(`${query.to}T00:00:00Z`) + DAY_MS) : new Date(query.to);
  const from = query.from === undefined ? new Date(to.getTime() - 30 * DAY_MS) : new Date(query.from.length === 10 ? `${query.from}T00:00:00Z` : query.from);
  return { from: from.toISOString(), to: to.toISOString() };
}

type Row = Omit<AnnotatorStats, "peerAgreement" | "gold">;

export async function getAnnotatorStats(actor: Actor, query: AnnotatorStatsQuery): Promise<AnnotatorStatsList> {
  const { from, to } = statsPeriod(query);
  const onlyMe = hasRole(actor.role, "reviewer") ? null : actor.type === "user" ? actor.id : "";
  const scope = `j.status = 'submitted' AND j.submitted_at >= $1::timestamptz AND j.submitted_at < $2::timestamptz AND ($3::int IS NULL OR j.queue_id = $3)`;
  const params = [from, to, query.queue ?? null];
  const rows = await pool.query<Row>(
    `WITH done AS (
       SELECT j.annotator_id, j.verdict, j.submitted_at,
         extract(epoch FROM j.submitted_at - coalesce((SELECT max(s.claimed_at) FROM queue_slots s WHERE s.judgment_id = j.id), j.created_at)) AS seconds
       FROM judgments j WHERE ${scope} AND ($4::text IS NULL OR j.annotator_id = $4))
     SELECT json_build_object('id', u.id, 'name', u.name, 'email', u.email) AS annotator,
       count(*)::int AS submitted,
       (SELECT json_agg(json_build_object('day', d.day, 'items', d.items) ORDER BY d.day)
          FROM (SELECT to_char(date_trunc('day', x.submitted_at), 'YYYY-MM-DD') AS day, count(*)::int AS items FROM done x
                WHERE x.annotator_id = u.id GROUP BY 1) d) AS "perDay",
       percentile_cont(0.5) WITHIN GROUP (ORDER BY done.seconds) AS "medianSecondsPerItem",
       json_build_object('approve', count(*) FILTER (WHERE done.verdict = 'approve'), 'reject', count(*) FILTER (WHERE done.verdict = 'reject'),
                         'needs_changes', count(*) FILTER (WHERE done.verdict = 'needs_changes')) AS verdicts
     FROM done JOIN users u ON u.id = done.annotator_id GROUP BY u.id ORDER BY lower(u.email)`,
    [...params, onlyMe],
  );
  // Peer agreement and gold need every submitted judgment in the period, not only the caller's.
  const judgments = await readJudgments(pool, scope, params);
  const pairs = pairwiseKappa(
    judgments.flatMap((j) => (j.verdict ? [{ item: `${j.episodeId}:${j.queueId ?? ""}:${j.rubricVersionId}`, rater: j.annotator.id, value: j.verdict }] : [])),
  );
  const gold = await goldResults(scope, params);
  return {
    from,
    to,
    items: rows.rows.map((row) => {
      const mine = pairs.filter((p) => p.kappa !== null && (p.raterA === row.annotator.id || p.raterB === row.annotator.id));
      const items = mine.reduce((n, p) => n + p.items, 0);
      const kappa = items === 0 ? null : mine.reduce((sum, p) => sum + p.kappa! * p.items, 0) / items;
      const g = gold.get(row.annotator.id) ?? { items: 0, correct: 0 };
      return {
        ...row,
        perDay: row.perDay ?? [],
        medianSecondsPerItem: row.medianSecondsPerItem === null ? null : Math.round(row.medianSecondsPerItem * 10) / 10,
        peerAgreement: { kappa, peers: mine.length, items },
        gold: { ...g, accuracy: g.items === 0 ? null : g.correct / g.items },
      };
    }),
  };
}

async function goldResults(scope: string, params: unknown[]): Promise<Map<string, { items: number; correct: number }>> {
  const rows = await pool.query<{ annotatorId: string; verdict: Verdict | null; scores: unknown; goldVerdict: Verdict | null; goldScores: unknown; dimensions: unknown; itemId: number }>(
    `SELECT j.annotator_id AS "annotatorId", j.verdict, j.scores, i.gold_verdict AS "goldVerdict", i.gold_scores AS "goldScores", rv.dimensions, i.id AS "itemId"
     FROM judgments j JOIN queue_items i ON i.queue_id = j.queue_id AND i.episode_id = j.episode_id AND i.is_gold
     JOIN rubric_versions rv ON rv.id = j.rubric_version_id WHERE ${scope}`,
    params,
  );
  const result = new Map<string, { items: number; correct: number }>();
  for (const row of rows.rows) {
    const dimensions = rubricDimensionsSchema.parse(row.dimensions);
    const gold = { itemId: row.itemId, verdict: row.goldVerdict, scores: row.goldScores === null ? null : scoresSchema.parse(row.goldScores) };
    const rating = { itemId: row.itemId, annotator: { id: row.annotatorId, name: "", email: "" }, verdict: row.verdict, scores: scoresSchema.parse(row.scores) };
    const entry = result.get(row.annotatorId) ?? { items: 0, correct: 0 };
    entry.items += 1;
    if (matchesGold(dimensions, gold, rating)) entry.correct += 1;
    result.set(row.annotatorId, entry);
  }
  return result;
}
