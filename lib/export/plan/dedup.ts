/**
 * Exact and near-duplicate removal across all components. Candidates arrive in priority order
 * (component index, then episode id); the first of a duplicate group is kept, so an earlier
 * component wins over a later one. An episode is in the mixture through one component only: a
 * second component choosing the same episode records it as an exact duplicate of itself.
 */
import type { DuplicatePair } from "../types";
import { bandKeys, estimateJaccard, lshParams } from "./minhash";

export type DedupCandidate = {
  episodeId: number;
  component: number;
  /** sha256 of the normalized task text + "\0" + final patch; null when the episode has neither (nothing to compare). */
  exactKey: string | null;
  /** MinHash of task text + final patch; null when near dedup is off or there is no content. */
  signature: Uint32Array | null;
};

export type DedupOptions = { exact: boolean; near: boolean; threshold: number };

export type DedupOutcome = "kept" | "exact_duplicate" | "near_duplicate";

/** `outcomes[i]` is the fate of `candidates[i]`; pairs name the removed and the kept episode. */
export type DedupResult = { outcomes: DedupOutcome[]; exact: DuplicatePair[]; near: DuplicatePair[] };

export function dedupe(candidates: readonly DedupCandidate[], options: DedupOptions): DedupResult {
  const outcomes: DedupOutcome[] = candidates.map(() => "kept");
  const exact: DuplicatePair[] = [];
  const seenIds = new Set<number>();
  const keptByKey = new Map<string, number>();
  candidates.forEach((candidate, i) => {
    const { episodeId, exactKey } = candidate;
    if (seenIds.has(episodeId)) {
      outcomes[i] = "exact_duplicate";
      exact.push({ removed: episodeId, kept: episodeId, similarity: 1 });
      return;
    }
    seenIds.add(episodeId);
    if (!options.exact || exactKey === null) return;
    const kept = keptByKey.get(exactKey);
    if (kept === undefined) keptByKey.set(exactKey, episodeId);
    else {
      outcomes[i] = "exact_duplicate";
      exact.push({ removed: episodeId, kept, similarity: 1 });
    }
  });
  const near = options.near ? removeNearDuplicates(candidates, outcomes, options.threshold) : [];
  return { outcomes, exact, near };
}

/**
 * Greedy in priority order: a candidate is compared (through LSH buckets) with the episodes kept
 * so far and removed if its best verified match reaches the threshold; otherwise it is kept and
 * indexed. Removed episodes are never indexed, so similarity does not chain through them.
 */
function removeNearDuplicates(candidates: readonly DedupCandidate[], outcomes: DedupOutcome[], threshold: number): DuplicatePair[] {
  const pairs: DuplicatePair[] = [];
  const params = lshParams(threshold);
  const buckets = Array.from({ length: params.bands }, () => new Map<number, number[]>());
  candidates.forEach((candidate, i) => {
    if (outcomes[i] !== "kept" || candidate.signature === null) return;
    const keys = bandKeys(candidate.signature, params);
    const seen = new Set<number>();
    let best = -1;
    let bestSimilarity = -1;
    keys.forEach((key, band) => {
      for (const k of buckets[band].get(key) ?? []) {
        if (seen.has(k)) continue;
        seen.add(k);
        const similarity = estimateJaccard(candidate.signature!, candidates[k].signature!);
        // Ties go to the earlier kept episode (lower index = higher priority).
        if (similarity > bestSimilarity || (similarity === bestSimilarity && k < best)) {
          best = k;
          bestSimilarity = similarity;
        }
      }
    });
    if (best >= 0 && bestSimilarity >= threshold) {
      outcomes[i] = "near_duplicate";
      pairs.push({ removed: candidate.episodeId, kept: candidates[best].episodeId, similarity: bestSimilarity });
      return;
    }
    keys.forEach((key, band) => {
      const bucket = buckets[band].get(key);
      if (bucket) bucket.push(i);
      else buckets[band].set(key, [i]);
    });
  });
  return pairs;
}
