/**
 * Rollout groups: episodes that share an instance id, under the one filter. `findGroups` lists one
 * row per instance (attempts and outcomes); `instanceModelMatrix` breaks the same rows down by
 * model. Both order instances by attempts (most first) then id, keyset-paged on that pair.
 *
 * Grouping needs every matching row, so the ranking and counts come from the in-memory corpus
 * index (one pass, ~100 ms at a million episodes, where GROUP BY over the table took seconds);
 * the per-group details (models, episode ids, model cells) are read from PostgreSQL for the
 * page's instances alone, through the instance_id index.
 */
import { z } from "zod";
import { pool } from "@/lib/db";
import { modelCounts, rankGroups, type GroupCounts } from "./corpus/aggregate";
import { matchedSlots } from "./facets";
import { decodeCursor, encodeCursor } from "./cursor";
import { episodeFilterParamsSchema, toEpisodeFilter, type EpisodeFilter } from "./filter";
import { pageSchema, type Page } from "./find-episodes";
import type { Redaction } from "./redaction";
import { bind, filterToSql, type SqlWhere } from "./to-sql";

/** A group lists at most this many of its episode ids (the smallest). */
export const GROUP_EPISODE_IDS = 50;
/** The matrix has a column for each of this many models (most episodes first), then "other". */
export const MATRIX_MODELS = 20;
/** The matrix column for every model past the top ones, and for episodes with no model. */
export const OTHER_MODELS = "other";

export const rolloutGroupSchema = z.object({
  instanceId: z.string(),
  repo: z.string().nullable(),
  attempts: z.number().int(),
  resolved: z.number().int(),
  unresolved: z.number().int(),
  unknown: z.number().int(),
  /** Distinct models of the group's episodes, sorted. */
  models: z.array(z.string()),
  /** The group's first episode ids, ascending, at most 50. */
  episodeIds: z.array(z.number().int()),
});
export type RolloutGroup = z.infer<typeof rolloutGroupSchema>;

export const rolloutGroupListSchema = z.object({
  items: z.array(rolloutGroupSchema),
  nextCursor: z.string().nullable(),
  /** Number of groups (instances) under the filter. */
  total: z.number().int(),
});
export type RolloutGroupList = z.infer<typeof rolloutGroupListSchema>;

export const matrixCellSchema = z.object({ attempts: z.number().int(), resolved: z.number().int(), unresolved: z.number().int() });
export type MatrixCell = z.infer<typeof matrixCellSchema>;

export const instanceModelMatrixSchema = z.object({
  /** Column order: the models with most matching episodes, then "other" when there are more. */
  models: z.array(z.string()),
  rows: z.array(
    z.object({
      instanceId: z.string(),
      repo: z.string().nullable(),
      /** By column; a model with no attempt on the instance has no cell. */
      cells: z.record(z.string(), matrixCellSchema),
    }),
  ),
  nextCursor: z.string().nullable(),
  totalInstances: z.number().int(),
});
export type InstanceModelMatrix = z.infer<typeof instanceModelMatrixSchema>;

export const matrixPageSchema = pageSchema.extend({ limit: z.coerce.number().int().min(1).max(500).default(100) });

/** GET /api/episodes/groups: the filter's parameters plus paging, strict. */
export const groupListParamsSchema = episodeFilterParamsSchema.extend(pageSchema.shape);
export const groupListQuerySchema = groupListParamsSchema.transform(({ cursor, limit, ...params }) => ({
  filter: toEpisodeFilter(params),
  page: { cursor, limit },
}));

/** GET /api/episodes/matrix: the filter's parameters plus paging (100 rows by default), strict. */
export const matrixParamsSchema = episodeFilterParamsSchema.extend(matrixPageSchema.shape);
export const matrixQuerySchema = matrixParamsSchema.transform(({ cursor, limit, ...params }) => ({
  filter: toEpisodeFilter(params),
  page: { cursor, limit },
}));

type GroupKey = { attempts: number; instanceId: string };

const CURSOR_TAG = "instance-groups";

function readGroupCursor(cursor: string | undefined): GroupKey | null {
  const decoded = decodeCursor(cursor);
  if (!decoded || decoded.length !== 3 || decoded[0] !== CURSOR_TAG) return null;
  const [, attempts, instanceId] = decoded;
  if (typeof attempts !== "number" || !Number.isInteger(attempts) || typeof instanceId !== "string") return null;
  return { attempts, instanceId };
}

/** Episodes under the filter that belong to a group. */
function grouped(filter: EpisodeFilter, redaction: Redaction | null): SqlWhere {
  const { where, params } = filterToSql(filter, redaction);
  return { where: `(${where}) AND e.instance_id IS NOT NULL`, params };
}

/** The filter's matches that belong to a group (have an instance id), from the corpus index. */
async function groupedSlots(filter: EpisodeFilter, redaction: Redaction | null) {
  const { store, slots } = await matchedSlots(filter, redaction);
  const instances = store.codes.instance;
  return { store, slots: slots.filter((slot) => instances[slot] !== 0) };
}

/** One page of groups with their counts, in (attempts desc, instance id asc) order, and the total. */
async function groupPage(filter: EpisodeFilter, page: { cursor?: string; limit: number }, redaction: Redaction | null) {
  const after = readGroupCursor(page.cursor);
  const { store, slots } = await groupedSlots(filter, redaction);
  const { groups, total } = rankGroups(store, slots, after, page.limit + 1);
  const hasMore = groups.length > page.limit;
  const pageGroups: GroupCounts[] = groups.slice(0, page.limit);
  const last = pageGroups.at(-1);
  return {
    groups: pageGroups,
    nextCursor: hasMore && last ? encodeCursor([CURSOR_TAG, last.attempts, last.instanceId]) : null,
    total,
  };
}

/** `redaction`: episodes whose review the caller may not see yet (blind review), filtered as unjudged. */
export async function findGroups(filter: EpisodeFilter, page: Page = {}, redaction: Redaction | null = null): Promise<RolloutGroupList> {
  const { cursor, limit } = pageSchema.parse(page);
  const scope = grouped(filter, redaction);
  const { groups, nextCursor, total } = await groupPage(filter, { cursor, limit }, redaction);
  const params = [...scope.params];
  const details = await pool.query<Pick<RolloutGroup, "instanceId" | "models" | "episodeIds">>(
    `SELECT e.instance_id AS "instanceId",
       coalesce(array_agg(DISTINCT e.model COLLATE "C" ORDER BY e.model COLLATE "C") FILTER (WHERE e.model IS NOT NULL), '{}') AS models,
       (array_agg(e.id ORDER BY e.id))[1:${GROUP_EPISODE_IDS}] AS "episodeIds"
     FROM episodes e WHERE ${scope.where} AND e.instance_id = ANY(${bind(params, groups.map((g) => g.instanceId))}::text[])
     GROUP BY e.instance_id`,
    params,
  );
  const byInstance = new Map(details.rows.map((row) => [row.instanceId, row]));
  const items = groups.map((group) => ({
    ...group,
    models: byInstance.get(group.instanceId)?.models ?? [],
    episodeIds: byInstance.get(group.instanceId)?.episodeIds ?? [],
  }));
  return { items, nextCursor, total };
}

/** The top models by matching episodes (ties by name), then "other" when any episode falls outside them. */
async function matrixColumns(filter: EpisodeFilter, redaction: Redaction | null): Promise<string[]> {
  const { store, slots } = await groupedSlots(filter, redaction);
  const counts = modelCounts(store, slots);
  const named = counts.flatMap((row) => (row.model === null ? [] : [row.model]));
  const hasOther = named.length > MATRIX_MODELS || named.length < counts.length;
  return [...named.slice(0, MATRIX_MODELS), ...(hasOther ? [OTHER_MODELS] : [])];
}

export async function instanceModelMatrix(filter: EpisodeFilter, page: Page = {}, redaction: Redaction | null = null): Promise<InstanceModelMatrix> {
  const { cursor, limit } = matrixPageSchema.parse(page);
  const scope = grouped(filter, redaction);
  const [models, { groups, nextCursor, total }] = await Promise.all([matrixColumns(filter, redaction), groupPage(filter, { cursor, limit }, redaction)]);
  const params = [...scope.params];
  const named = models.filter((m) => m !== OTHER_MODELS);
  const cells = await pool.query<MatrixCell & { instanceId: string; model: string }>(
    `SELECT e.instance_id AS "instanceId",
       CASE WHEN e.model = ANY(${bind(params, named)}::text[]) THEN e.model ELSE ${bind(params, OTHER_MODELS)} END AS model,
       count(*)::int AS attempts, count(*) FILTER (WHERE e.resolved)::int AS resolved,
       count(*) FILTER (WHERE NOT e.resolved)::int AS unresolved
     FROM episodes e WHERE ${scope.where} AND e.instance_id = ANY(${bind(params, groups.map((g) => g.instanceId))}::text[])
     GROUP BY 1, 2`,
    params,
  );
  const rows = groups.map(({ instanceId, repo }) => ({ instanceId, repo, cells: {} as Record<string, MatrixCell> }));
  const byInstance = new Map(rows.map((row) => [row.instanceId, row]));
  for (const { instanceId, model, ...cell } of cells.rows) byInstance.get(instanceId)!.cells[model] = cell;
  return { models, rows, nextCursor, totalInstances: total };
}
