/**
 * Group-by over the episodes a filter matched (slots from ./query), for Insights and rollout
 * groups: per value of one column, how many episodes, their outcomes and their tokens.
 */
import type { CorpusStore, SingleColumn } from "./store";

export type Tally = {
  /** Indexed by dictionary code (0 = no value). */
  episodes: Int32Array;
  resolved: Int32Array;
  unresolved: Int32Array;
  unknown: Int32Array;
  tokens: Float64Array;
};

export function tallyBy(store: CorpusStore, slots: Int32Array, column: SingleColumn): Tally {
  const size = store.dictionaries[column].size;
  const tally: Tally = {
    episodes: new Int32Array(size),
    resolved: new Int32Array(size),
    unresolved: new Int32Array(size),
    unknown: new Int32Array(size),
    tokens: new Float64Array(size),
  };
  const codes = store.codes[column];
  const tokens = store.numbers.tokens;
  for (const slot of slots) {
    const code = codes[slot];
    tally.episodes[code]++;
    tally.tokens[code] += tokens[slot];
    const outcome = store.resolved[slot];
    if (outcome === 1) tally.resolved[code]++;
    else if (outcome === 0) tally.unresolved[code]++;
    else tally.unknown[code]++;
  }
  return tally;
}

/** Rows of a tally with at least one episode, as plain objects keyed by the column's value (null = no value). */
export function tallyRows(store: CorpusStore, column: SingleColumn, tally: Tally) {
  const values = store.dictionaries[column].values;
  const rows: { value: string | null; episodes: number; resolved: number; unresolved: number; unknown: number; tokens: number }[] = [];
  for (let code = 0; code < tally.episodes.length; code++) {
    if (tally.episodes[code] === 0) continue;
    rows.push({
      value: values[code],
      episodes: tally.episodes[code],
      resolved: tally.resolved[code],
      unresolved: tally.unresolved[code],
      unknown: tally.unknown[code],
      tokens: tally.tokens[code],
    });
  }
  return rows;
}

/** Reviewed episodes per UTC day and review status (pending ones have no review day). */
export function reviewDays(store: CorpusStore, slots: Int32Array): { day: string; status: string; count: number }[] {
  const DAY_MS = 86_400_000;
  const statuses = store.dictionaries.review.values;
  const width = statuses.length;
  const counts = new Map<number, number>();
  const reviewedAt = store.numbers.reviewedAt;
  const codes = store.codes.review;
  for (const slot of slots) {
    const at = reviewedAt[slot];
    const code = codes[slot];
    if (Number.isNaN(at) || statuses[code] === "pending" || code === 0) continue;
    const key = Math.floor(at / DAY_MS) * width + code;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, count]) => ({
    day: new Date(Math.floor(key / width) * DAY_MS).toISOString().slice(0, 10),
    status: statuses[key % width]!,
    count,
  }));
}
