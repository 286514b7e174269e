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

export type GroupCounts = { instanceId: string; repo: string | null; attempts: number; resolved: number; unresolved: number; unknown: number };

/** (attempts desc, instance id asc) — the rollout groups' order. */
function before(a: GroupCounts, b: GroupCounts): boolean {
  return a.attempts !== b.attempts ? a.attempts > b.attempts : a.instanceId < b.instanceId;
}

/**
 * Rollout groups of the matched slots (episodes with an instance id), ranked by attempts then
 * instance id: the `limit` groups after `after`, and how many groups there are. Keeps only the
 * best `limit` candidates while scanning, so a page costs one pass whatever the group count.
 */
export function rankGroups(store: CorpusStore, slots: Int32Array, after: { attempts: number; instanceId: string } | null, limit: number) {
  const tally = tallyBy(store, slots, "instance");
  const instances = store.dictionaries.instance.values;
  const repoOf = new Int32Array(tally.episodes.length);
  const repoCodes = store.codes.repo;
  const instanceCodes = store.codes.instance;
  for (const slot of slots) if (repoOf[instanceCodes[slot]] === 0) repoOf[instanceCodes[slot]] = repoCodes[slot];
  const best: GroupCounts[] = [];
  let total = 0;
  for (let code = 1; code < tally.episodes.length; code++) {
    if (tally.episodes[code] === 0) continue;
    total++;
    const group = {
      instanceId: instances[code]!,
      repo: store.dictionaries.repo.values[repoOf[code]],
      attempts: tally.episodes[code],
      resolved: tally.resolved[code],
      unresolved: tally.unresolved[code],
      unknown: tally.unknown[code],
    };
    if (after && !before({ ...after, repo: null, resolved: 0, unresolved: 0, unknown: 0 }, group)) continue;
    if (best.length === limit && !before(group, best[limit - 1])) continue;
    let i = best.length;
    while (i > 0 && before(group, best[i - 1])) i--;
    best.splice(i, 0, group);
    if (best.length > limit) best.pop();
  }
  return { groups: best, total };
}

/** Models by matched episodes (most first, ties by name); `null` counts episodes with no model. */
export function modelCounts(store: CorpusStore, slots: Int32Array): { model: string | null; count: number }[] {
  return tallyRows(store, "model", tallyBy(store, slots, "model"))
    .map((row) => ({ model: row.value, count: row.episodes }))
    .sort((a, b) => b.count - a.count || ((a.model ?? "") < (b.model ?? "") ? -1 : 1));
}
