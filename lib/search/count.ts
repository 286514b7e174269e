/**
 * How many episodes match. Exact up to a cap (counting stops there, so it stays cheap); past the
 * cap, the planner's estimate, flagged as such, so a filter over a million rows answers in
 * milliseconds and still says "about 200,000" rather than "more than 10,000".
 */
import { pool } from "@/lib/db";

export const EXACT_COUNT_CAP = 10_000;

export type EpisodeTotal = { total: number; isTotalEstimated: boolean };

/** `where`/`params` come from filterToSql. */
export async function countEpisodes(where: string, params: unknown[], cap = EXACT_COUNT_CAP): Promise<EpisodeTotal> {
  const exact = await pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM episodes e WHERE ${where} LIMIT ${Math.trunc(cap) + 1}) AS capped`,
    params,
  );
  const n = exact.rows[0].n;
  if (n <= cap) return { total: n, isTotalEstimated: false };
  const plan = await pool.query<{ "QUERY PLAN": [{ Plan: { "Plan Rows": number } }] }>(
    `EXPLAIN (FORMAT JSON) SELECT 1 FROM episodes e WHERE ${where}`,
    params,
  );
  const estimate = Math.round(plan.rows[0]["QUERY PLAN"][0].Plan["Plan Rows"]);
  // The estimate can undershoot; we know for certain there are more than `cap`.
  return { total: Math.max(estimate, cap + 1), isTotalEstimated: true };
}
