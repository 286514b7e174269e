/** How many episodes match: exact up to a cap, so a filter over a million rows stays fast. */
import { pool } from "@/lib/db";

export const TOTAL_CAP = 100_000;

/** `where`/`params` come from filterToSql; counts at most TOTAL_CAP + 1 rows, then stops. */
export async function countEpisodes(where: string, params: unknown[], cap = TOTAL_CAP): Promise<{ total: number; isTotalCapped: boolean }> {
  const result = await pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM episodes e WHERE ${where} LIMIT ${Math.trunc(cap) + 1}) AS capped`,
    params,
  );
  const n = result.rows[0].n;
  return n > cap ? { total: cap, isTotalCapped: true } : { total: n, isTotalCapped: false };
}
