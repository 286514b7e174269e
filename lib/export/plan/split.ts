/**
 * Train / validation by repository, so validation measures generalization to unseen code rather
 * than to another rollout of the same task. Episodes group by repo (case-insensitive); without a
 * repo by instance id; without either each is its own group. Groups go to validation in a seeded
 * order until it holds the target share of episodes.
 */
import type { Split } from "../types";
import { seededHash } from "./seeded-hash";

export type SplitEpisode = { id: number; repo: string | null; instanceId: string | null };

export function splitGroup({ id, repo, instanceId }: SplitEpisode): string {
  if (repo) return `repo:${repo.toLowerCase()}`;
  if (instanceId) return `instance:${instanceId.toLowerCase()}`;
  return `episode:${id}`;
}

/**
 * Deterministic in (seed, data), whatever order the episodes come in. A group that would take
 * validation past half of all episodes stays in train (the ratio is at most 0.5): a corpus that is
 * mostly one repository keeps it for training instead of emptying train.
 */
export function assignSplits(episodes: readonly SplitEpisode[], options: { seed: number; validation: number }): Map<number, Split> {
  const splits = new Map<number, Split>(episodes.map((e) => [e.id, "train"]));
  const total = splits.size;
  const target = options.validation * total;
  if (target <= 0) return splits;

  const groups = new Map<string, number[]>();
  for (const episode of episodes) {
    const key = splitGroup(episode);
    const members = groups.get(key);
    if (members) members.push(episode.id);
    else groups.set(key, [episode.id]);
  }
  const order = [...groups.keys()]
    .map((key) => ({ key, hash: seededHash(options.seed, "split", key) }))
    .sort((a, b) => a.hash - b.hash || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

  let validation = 0;
  for (const { key } of order) {
    if (validation >= target) break;
    const members = new Set(groups.get(key));
    if (validation + members.size > total / 2) continue;
    for (const id of members) splits.set(id, "validation");
    validation += members.size;
  }
  return splits;
}
