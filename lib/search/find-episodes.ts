/**
 * The episode list: filtered, sorted, keyset-paginated on (sort column, id). Reads only the narrow
 * episodes table (plus, when `q` is set, the page's snippets) — never step bodies.
 */
import { z } from "zod";
import { pool } from "@/lib/db";
import { episodeKinds, exitStatusClasses } from "@/lib/formats/episode";
import { countEpisodes, type EpisodeTotal } from "./count";
import { listTotal } from "./facets";
import { episodeFilterParamsSchema, reviewStatuses, toEpisodeFilter, type EpisodeFilter, type SortKey } from "./filter";
import { afterCursor, cursorAfter, orderBy, readCursor } from "./keyset";
import { redactRow, type Redaction } from "./redaction";
import { snippetsFor, type Snippet } from "./snippets";
import { bind, filterToSql } from "./to-sql";

export const episodeListItemSchema = z.object({
  id: z.number().int(),
  kind: z.enum(episodeKinds),
  sourceFormat: z.string(),
  instanceId: z.string().nullable(),
  repo: z.string().nullable(),
  agent: z.string().nullable(),
  model: z.string().nullable(),
  exitStatusClass: z.enum(exitStatusClasses),
  exitStatusRaw: z.string().nullable(),
  resolved: z.boolean().nullable(),
  reviewStatus: z.enum(reviewStatuses),
  stepCount: z.number().int(),
  tokenCount: z.number().int(),
  costUsd: z.number().nullable(),
  patchBytes: z.number().int(),
  filesTouched: z.number().int(),
  hasGoldPatch: z.boolean(),
  qualityFlags: z.array(z.string()),
  labels: z.array(z.string()),
  score: z.number().nullable(),
  createdAt: z.iso.datetime(),
  /** Where `q` matched, plain text with the matches between ⟦ and ⟧; null without `q`. */
  snippet: z.string().nullable(),
  /** The first step `q` matched in (link to `/episodes/ID#step-N`); null without `q` or when only the task or patch matched. */
  snippetStep: z.number().int().nullable(),
});
export type EpisodeListItem = z.infer<typeof episodeListItemSchema>;

export const episodeListSchema = z.object({
  items: z.array(episodeListItemSchema),
  nextCursor: z.string().nullable(),
  total: z.number().int(),
  isTotalEstimated: z.boolean(),
});
export type EpisodeList = z.infer<typeof episodeListSchema>;

export const pageSchema = z.object({
  cursor: z.string().max(2000).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type Page = z.input<typeof pageSchema>;

/** GET /api/episodes: the filter's parameters plus paging, strict. */
export const episodeListQuerySchema = episodeFilterParamsSchema
  .extend(pageSchema.shape)
  .transform(({ cursor, limit, ...params }) => ({ filter: toEpisodeFilter(params), page: { cursor, limit } }));

const listColumns = `e.id, e.kind, e.source_format AS "sourceFormat", e.instance_id AS "instanceId", e.repo, e.agent,
  e.model, e.exit_status_class AS "exitStatusClass", e.exit_status_raw AS "exitStatusRaw", e.resolved,
  e.review_status AS "reviewStatus", e.step_count AS "stepCount", e.token_count AS "tokenCount", e.cost_usd AS "costUsd",
  e.patch_bytes AS "patchBytes", e.files_touched AS "filesTouched", e.has_gold_patch AS "hasGoldPatch",
  e.quality_flags AS "qualityFlags", coalesce(e.labels, '{}') AS labels, e.score, to_char(e.created_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt"`;

const sortField = {
  created: "createdAt",
  steps: "stepCount",
  tokens: "tokenCount",
  cost: "costUsd",
  patch: "patchBytes",
  score: "score",
  id: "id",
} as const satisfies Record<SortKey, keyof EpisodeListItem>;

/** Exact from the corpus index; with full text or a path (SQL-only clauses), counted in SQL up to a cap. */
function totalOf(filter: EpisodeFilter, where: string, params: unknown[], redaction: Redaction | null): Promise<EpisodeTotal> {
  return listTotal(filter, () => countEpisodes(where, params), redaction);
}

/**
 * The page query (one row more than `limit`, to know whether there is a next page). Under a
 * redaction, filters and the score sort read what it shows (rows are redacted after reading).
 */
export function findEpisodesSql(filter: EpisodeFilter, limit: number, cursor?: string, redaction: Redaction | null = null): { text: string; values: unknown[] } {
  const { where, params, scoreColumn } = filterToSql(filter, redaction);
  const after = readCursor(filter, cursor);
  const conditions = after ? `(${where}) AND ${afterCursor(filter, after, params, scoreColumn)}` : where;
  return { text: `SELECT ${listColumns} FROM episodes e WHERE ${conditions} ORDER BY ${orderBy(filter, scoreColumn)} LIMIT ${bind(params, limit + 1)}`, values: params };
}

/** `redaction`: episodes whose review the caller may not see yet (blind review), shown and filtered as unjudged. */
export async function findEpisodes(filter: EpisodeFilter, page: Page = {}, redaction: Redaction | null = null): Promise<EpisodeList> {
  const { limit, cursor } = pageSchema.parse(page);
  const { where, params } = filterToSql(filter, redaction);
  const { text, values } = findEpisodesSql(filter, limit, cursor, redaction);
  const [rows, count] = await Promise.all([
    pool.query<Omit<EpisodeListItem, "snippet" | "snippetStep">>(text, values),
    totalOf(filter, where, params, redaction),
  ]);
  const hasMore = rows.rows.length > limit;
  const pageRows = (hasMore ? rows.rows.slice(0, limit) : rows.rows).map((row) => redactRow(row, redaction));
  const snippets = filter.q ? await snippetsFor(pageRows.map((r) => r.id), filter.q) : new Map<number, Snippet>();
  const items = pageRows.map((row) => ({ ...row, snippet: snippets.get(row.id)?.snippet ?? null, snippetStep: snippets.get(row.id)?.step ?? null }));
  const last = items.at(-1);
  return {
    items,
    nextCursor: hasMore && last ? cursorAfter(filter, last[sortField[filter.sort]], last.id) : null,
    ...count,
  };
}
