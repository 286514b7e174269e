/**
 * "/" in the viewer: which steps of one episode contain a text, case-insensitively, in order. A
 * scan of one episode's `steps.text` (the step's readable text, written at import), read through
 * the (episode_id, idx) key: a 10 MB episode is scanned in well under a second.
 */
import { z } from "zod";
import { pool } from "@/lib/db";

export const stepSearchQuerySchema = z.object({ q: z.string().trim().min(1).max(200) });

/** Enough to step through; the count says when there are more. */
export const MAX_STEP_MATCHES = 1_000;

export type StepSearchResult = { steps: number[]; total: number };

export async function searchSteps(episodeId: number, q: string): Promise<StepSearchResult> {
  const { rows } = await pool.query<{ idx: number; total: number }>(
    `SELECT idx, count(*) OVER ()::int AS total FROM steps
     WHERE episode_id = $1 AND strpos(lower(text), lower($2)) > 0
     ORDER BY idx LIMIT $3`,
    [episodeId, q, MAX_STEP_MATCHES],
  );
  return { steps: rows.map((r) => r.idx), total: rows[0]?.total ?? 0 };
}
