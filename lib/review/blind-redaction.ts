/**
 * Blind review beyond the Review panel. The episode list, its filters and counts, rollout groups,
 * the matrix, Insights, n / p and the episode's own header all show review fields derived from
 * everyone's judgments (status, score, labels, annotators), so they would tell an annotator what
 * others made of an item they may still judge blind. The rule, enforced here on the server:
 *
 * - for a caller whose role is exactly annotator (a person, or an API key with that role),
 * - every episode that is an item of an open blind queue in which they have not submitted their
 *   own judgment
 * - is read with its review withheld (lib/search/redaction.ts): pending, no score, no annotators,
 *   only bulk-added labels — in rows, filters, sort and counts alike —
 * - until they submit there, or the queue closes or stops being blind.
 *
 * Viewers never judge and reviewers adjudicate, so lists show them everything; the Review panel's
 * own rule (access.ts isBlindFor) still hides individual judgments from everyone below reviewer.
 */
import type { Actor } from "@/lib/auth/actor";
import { pool } from "@/lib/db";
import { makeRedaction, type Redaction } from "@/lib/search/redaction";
import { blindItemsSql } from "./access";

/** What blind review withholds from the caller (null: nothing); `episodeIds` narrows the answer to those episodes. */
export async function blindRedaction(actor: Actor | null, episodeIds?: readonly number[]): Promise<Redaction | null> {
  if (actor?.role !== "annotator") return null;
  const { rows } = await pool.query<{ id: number; bulkLabels: string[] | null }>(
    `SELECT e.id, e.bulk_labels AS "bulkLabels" FROM episodes e
     WHERE e.id IN (${blindItemsSql("$1")}) AND ($2::int[] IS NULL OR e.id = ANY($2::int[]))`,
    [actor.type === "user" ? actor.id : null, episodeIds ?? null],
  );
  return makeRedaction(rows);
}
