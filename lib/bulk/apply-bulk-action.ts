/**
 * Bulk actions on the whole filtered set (not a page): label add / remove, review status, delete.
 * One transaction: lock the matching rows (in id order, so two bulk actions cannot deadlock),
 * check the count the user confirmed, apply to exactly the locked ids, write one audit event.
 */
import type pg from "pg";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { withTransaction } from "@/lib/audit/transaction";
import { pool } from "@/lib/db";
import { ConflictError } from "@/lib/errors";
import { toSearchParams, type EpisodeFilter } from "@/lib/search/filter";
import { bind, filterToSql } from "@/lib/search/to-sql";
import type { BulkActionRequest, BulkActionResult } from "./schema";

/** The exact number of episodes the filter matches (what the confirmation shows). */
export async function countBulkTargets(filter: EpisodeFilter): Promise<{ count: number }> {
  const { where, params } = filterToSql(filter);
  const result = await pool.query<{ count: number }>(`SELECT count(*)::int AS count FROM episodes e WHERE ${where}`, params);
  return result.rows[0];
}

type Matched = { id: number; reviewStatus: string; hasBulkLabel: boolean };

/** A text[] expression as a sorted set (never NULL). */
function sortedSet(array: string): string {
  return `coalesce((SELECT array_agg(DISTINCT l ORDER BY l) FROM unnest(${array}) AS l), '{}')`;
}

/** What changed, for the audit trail: enough to see (and undo by hand) every episode's change. */
type Change = { changed: number; before: unknown; after: unknown };

async function apply(client: pg.PoolClient, request: BulkActionRequest, rows: Matched[]): Promise<Change> {
  const ids = rows.map((r) => r.id);
  switch (request.action) {
    case "label_add":
    case "label_remove": {
      // Bulk labels live in bulk_labels; labels is their union with the judgments' labels, so
      // removing one a judgment also gives leaves it in labels until the judgment drops it.
      const isAdd = request.action === "label_add";
      const bulk = `${isAdd ? "array_append" : "array_remove"}(coalesce(bulk_labels, '{}'), $2::text)`;
      await client.query(
        `UPDATE episodes SET bulk_labels = ${sortedSet(bulk)}, labels = ${sortedSet(`${bulk} || coalesce(review_labels, '{}')`)}, updated_at = now()
         WHERE id = ANY($1::int[])`,
        [ids, request.label],
      );
      const changedIds = rows.filter((r) => r.hasBulkLabel !== isAdd).map((r) => r.id);
      return { changed: changedIds.length, before: { ids, changedIds }, after: { label: request.label } };
    }
    case "set_review": {
      await client.query(
        `UPDATE episodes SET review_status = $2::"ReviewStatus", updated_at = now(),
           reviewed_at = CASE WHEN review_status = $2::"ReviewStatus" THEN reviewed_at ELSE now() END
         WHERE id = ANY($1::int[])`,
        [ids, request.reviewStatus],
      );
      const byStatus: Record<string, number[]> = {};
      for (const row of rows) (byStatus[row.reviewStatus] ??= []).push(row.id);
      const changed = rows.filter((r) => r.reviewStatus !== request.reviewStatus).length;
      return { changed, before: { ids, reviewStatus: byStatus }, after: { reviewStatus: request.reviewStatus } };
    }
    case "delete": {
      await client.query(`DELETE FROM episodes WHERE id = ANY($1::int[])`, [ids]);
      return { changed: ids.length, before: { ids }, after: null };
    }
  }
}

export async function applyBulkAction(actor: Actor, request: BulkActionRequest): Promise<BulkActionResult> {
  const filter = request.query; // parsed from the list's URL query by bulkActionSchema
  const { where, params } = filterToSql(filter);
  const label = "label" in request ? request.label : null;
  return withTransaction(async (client) => {
    const matched = await client.query<Matched>(
      `SELECT e.id, e.review_status AS "reviewStatus", coalesce(${bind(params, label)}::text = ANY(e.bulk_labels), false) AS "hasBulkLabel"
       FROM episodes e WHERE ${where} ORDER BY e.id FOR UPDATE`,
      params,
    );
    const count = matched.rows.length;
    if (count !== request.expectedCount)
      throw new ConflictError(`The filter now matches ${count.toLocaleString("en-US")} episodes, not ${request.expectedCount.toLocaleString("en-US")}. Check and confirm again.`, {
        count,
      });
    const change = await apply(client, request, matched.rows);
    await recordAudit(client, {
      actor,
      action: `episodes.bulk.${request.action}`,
      targetType: "episodes",
      before: change.before,
      after: change.after,
      meta: { query: toSearchParams(filter).toString(), count },
    });
    return { affected: count, changed: change.changed };
  });
}
