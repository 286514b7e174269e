/**
 * Streams one component's candidates in keyset batches (id order) from the narrow episodes table,
 * applying the review-status requirement in SQL and the token limit and decontamination as rows
 * arrive. Texts are read only for survivors whose content keys are not known yet, a few at a
 * time, and dropped once hashed: per episode only ids, counts and a signature stay in memory.
 */
import type pg from "pg";
import type { EpisodeFilter } from "@/lib/search/filter";
import { bind, filterToSql } from "@/lib/search/to-sql";
import type { RecipeComponent } from "../recipe/schema";
import { contentKeys, type ContentKeys } from "./content-keys";
import type { Decontaminator } from "./decontaminate";
import type { ScannedComponent, ScannedEpisode } from "./assemble";

type Queryable = Pick<pg.PoolClient, "query">;

/** `scanned` of `total` episodes that meet the review-status requirement; `matched` counts every status. */
export type ScanProgress = { phase: "scan"; component: number; name: string; scanned: number; total: number; matched: number };

export type ScanContext = {
  client: Queryable;
  decontaminator: Decontaminator;
  /** Content keys by episode id, shared across components (an episode is hashed once). */
  keys: Map<number, ContentKeys>;
  /** Which keys dedup needs; with both off no text is read at all. */
  dedup: { exact: boolean; near: boolean };
  /** The first list that removed each episode (distinct episodes per list for the report). */
  decontaminated: Map<number, string>;
  onProgress?: (progress: ScanProgress) => void;
  signal?: AbortSignal;
};

const BATCH = 2000;
const TEXT_BATCH = 100;

type Row = { id: number; repo: string | null; instanceId: string | null; tokenCount: number };

async function loadKeys(ctx: ScanContext, ids: number[]): Promise<void> {
  const missing = ids.filter((id) => !ctx.keys.has(id));
  const needsText = ctx.dedup.exact || ctx.dedup.near;
  for (let i = 0; i < missing.length; i += TEXT_BATCH) {
    const chunk = missing.slice(i, i + TEXT_BATCH);
    if (needsText) {
      const texts = await ctx.client.query<{ id: number; taskText: string | null; finalPatch: string | null }>(
        `SELECT episode_id AS id, task_text AS "taskText", final_patch AS "finalPatch" FROM episode_contents WHERE episode_id = ANY($1::int[])`,
        [chunk],
      );
      for (const row of texts.rows) ctx.keys.set(row.id, contentKeys(row.taskText, row.finalPatch, ctx.dedup.near));
    }
    for (const id of chunk) if (!ctx.keys.has(id)) ctx.keys.set(id, { exactKey: null, signature: null });
  }
}

export async function scanComponent(ctx: ScanContext, component: RecipeComponent, index: number, filter: EpisodeFilter, query: string): Promise<ScannedComponent> {
  const { where, params } = filterToSql(filter);
  const statuses = bind(params, component.reviewStatus);
  const required = `e.review_status = ANY(${statuses}::"ReviewStatus"[])`;
  const counts = await ctx.client.query<{ matched: number; total: number }>(
    `SELECT count(*)::int AS matched, (count(*) FILTER (WHERE ${required}))::int AS total FROM episodes e WHERE ${where}`,
    params,
  );
  const { matched, total } = counts.rows[0];
  const dropped = { review_status: matched - total, over_max_tokens: 0, decontaminated: 0 };
  const episodes: ScannedEpisode[] = [];
  const report = (scanned: number) => ctx.onProgress?.({ phase: "scan", component: index, name: component.name, scanned, total, matched });
  let scanned = 0;
  let after = 0;
  report(0);
  for (;;) {
    ctx.signal?.throwIfAborted();
    const batchParams = [...params];
    const sql = `SELECT e.id, e.repo, e.instance_id AS "instanceId", e.token_count AS "tokenCount" FROM episodes e
      WHERE (${where}) AND ${required} AND e.id > ${bind(batchParams, after)}
      ORDER BY e.id LIMIT ${bind(batchParams, BATCH)}`;
    const { rows } = await ctx.client.query<Row>(sql, batchParams);
    if (rows.length === 0) break;
    const survivors: ScannedEpisode[] = [];
    for (const row of rows) {
      const isOver = component.maxTokens !== undefined && row.tokenCount > component.maxTokens;
      if (isOver && component.overLimit === "drop") {
        dropped.over_max_tokens++;
        continue;
      }
      const list = ctx.decontaminator.match(row);
      if (list !== null) {
        dropped.decontaminated++;
        if (!ctx.decontaminated.has(row.id)) ctx.decontaminated.set(row.id, list);
        continue;
      }
      survivors.push({ id: row.id, repo: row.repo, instanceId: row.instanceId, tokens: isOver ? component.maxTokens! : row.tokenCount, truncated: isOver });
    }
    await loadKeys(ctx, survivors.map((s) => s.id));
    episodes.push(...survivors);
    scanned += rows.length;
    after = rows[rows.length - 1].id;
    report(scanned);
    if (rows.length < BATCH) break;
  }
  return { name: component.name, filter: query, weight: component.weight, matched, dropped, episodes };
}
