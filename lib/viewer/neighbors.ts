/**
 * n / p in the viewer: the episodes just before and after this one in a filter's sort order —
 * the same filter, order and keyset cursor the list pages with (lib/search), one row each way.
 * "Previous" is "next" in the flipped direction; unknown values (cost, score) sort last in both
 * directions, so around them the flipped order is not the mirror image and is corrected here.
 */
import { pool } from "@/lib/db";
import { sortColumns } from "@/lib/search/columns";
import type { EpisodeFilter } from "@/lib/search/filter";
import { findEpisodesSql } from "@/lib/search/find-episodes";
import { cursorAfter } from "@/lib/search/keyset";
import { isWithheld, type Redaction } from "@/lib/search/redaction";

export type Neighbors = { previous: number | null; next: number | null };

type SortValue = string | number | null;

/**
 * The episode's value in the sort column, in the form the keyset cursor takes; undefined when
 * there is no such episode. A withheld score (blind review) is unknown, as the list shows it.
 */
async function sortValueOf(filter: EpisodeFilter, id: number, redaction: Redaction | null): Promise<SortValue | undefined> {
  const { column, type } = sortColumns[filter.sort];
  // Timestamps to the microsecond, numbers as float8, so the cursor compares exactly.
  const value = type === "timestamp" ? `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.US')` : `(${column})::float8`;
  const { rows } = await pool.query<{ value: SortValue }>(`SELECT ${value} AS value FROM episodes e WHERE e.id = $1`, [id]);
  if (rows.length === 0) return undefined;
  return filter.sort === "score" && isWithheld(redaction, id) ? null : rows[0].value;
}

/** null when the episode does not exist. `redaction`: as the list the caller came from (blind review). */
export async function findNeighbors(id: number, filter: EpisodeFilter, redaction: Redaction | null = null): Promise<Neighbors | null> {
  const firstAfter = async (order: EpisodeFilter, after: { value: SortValue; id: number } | null): Promise<number | null> => {
    const { text, values } = findEpisodesSql(order, 1, after ? cursorAfter(order, after.value, after.id) : undefined, redaction);
    const { rows } = await pool.query<{ id: number }>(text, values);
    return rows[0]?.id ?? null;
  };
  const hasNullSortValue = async (other: number) => (await sortValueOf(filter, other, redaction)) === null;
  const value = await sortValueOf(filter, id, redaction);
  if (value === undefined) return null;
  const flipped: EpisodeFilter = { ...filter, dir: filter.dir === "desc" ? "asc" : "desc" };
  const [next, before] = await Promise.all([firstAfter(filter, { value, id }), firstAfter(flipped, { value, id })]);
  if (!sortColumns[filter.sort].isNullable) return { previous: before, next };
  if (value !== null) {
    // Flipped, the unknowns still come last: reaching one means nothing known came before.
    return { previous: before !== null && !(await hasNullSortValue(before)) ? before : null, next };
  }
  if (before !== null) return { previous: before, next };
  // The first unknown follows the last known value: the flipped order's first row, if known.
  const lastKnown = await firstAfter(flipped, null);
  return { previous: lastKnown !== null && !(await hasNullSortValue(lastKnown)) ? lastKnown : null, next };
}
