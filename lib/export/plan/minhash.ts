/**
 * MinHash over word 5-gram shingles, for near-duplicate detection (the recipe's `dedup.threshold`
 * is an estimated Jaccard similarity). The permutation family is derived from fixed constants, so
 * signatures are comparable across runs and machines. LSH banding finds candidate pairs without
 * comparing every pair; callers verify each candidate with `estimateJaccard`.
 */
import { combine32, fmix32, hashString32 } from "./seeded-hash";

export const DEFAULT_PERMUTATIONS = 64;
export const SHINGLE_WORDS = 5;

export function normalizeText(text: string): string {
  return text.toLowerCase().replace(/\s+/g, " ").trim();
}

/** Hashes of the text's word 5-grams (a shorter text is one shingle of all its words). */
export function shingleHashes(text: string): Uint32Array {
  const normalized = normalizeText(text);
  if (normalized === "") return new Uint32Array(0);
  const words = normalized.split(" ").map((w) => hashString32(w));
  const count = Math.max(1, words.length - SHINGLE_WORDS + 1);
  const out = new Uint32Array(count);
  for (let start = 0; start < count; start++) {
    let h = 0x3c6ef372;
    for (let k = start; k < Math.min(words.length, start + SHINGLE_WORDS); k++) h = combine32(h, words[k]);
    out[start] = h;
  }
  return out;
}

type Permutations = { multipliers: Int32Array; offsets: Int32Array };
const families = new Map<number, Permutations>();

/** h_i(x) = fmix32(a_i·x + b_i) with odd a_i: a fixed family, one member per signature slot. */
function permutations(count: number): Permutations {
  let family = families.get(count);
  if (!family) {
    const multipliers = new Int32Array(count);
    const offsets = new Int32Array(count);
    for (let i = 0; i < count; i++) {
      multipliers[i] = fmix32(0x9e3779b9 + i) | 1;
      offsets[i] = fmix32(0x85ebca6b ^ Math.imul(i + 1, 0xc2b2ae35));
    }
    family = { multipliers, offsets };
    families.set(count, family);
  }
  return family;
}

/** fmix32 kept in int32 (no unsigned conversion): V8 keeps the hot loop in small integers. */
function mix(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * The hot loop of a whole export (every shingle × every permutation), so it runs on int32 only:
 * unsigned order is compared as signed order after flipping the top bit (5× faster than uint32
 * arithmetic, which spills to doubles).
 */
export function minhashSignature(text: string, count = DEFAULT_PERMUTATIONS): Uint32Array {
  const shingles = shingleHashes(text);
  const values = new Int32Array(shingles.buffer, shingles.byteOffset, shingles.length);
  const { multipliers, offsets } = permutations(count);
  const flipped = new Int32Array(count).fill(0x7fffffff);
  for (let s = 0; s < values.length; s++) {
    const x = values[s];
    for (let i = 0; i < count; i++) {
      const value = mix((Math.imul(x, multipliers[i]) + offsets[i]) | 0) ^ 0x80000000;
      if (value < flipped[i]) flipped[i] = value;
    }
  }
  const signature = new Uint32Array(count);
  for (let i = 0; i < count; i++) signature[i] = (flipped[i] ^ 0x80000000) >>> 0;
  return signature;
}

/** The share of slots where the signatures agree: an unbiased estimate of the Jaccard similarity. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length) throw new Error("MinHash signatures of different lengths cannot be compared.");
  if (a.length === 0) return 0;
  let equal = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) equal++;
  return equal / a.length;
}

export type LshParams = { bands: number; rows: number };

/** Simpson's rule; the S-curves are smooth, 64 intervals are plenty. */
function integrate(f: (s: number) => number, from: number, to: number): number {
  const n = 64;
  const step = (to - from) / n;
  let sum = f(from) + f(to);
  for (let i = 1; i < n; i++) sum += f(from + i * step) * (i % 2 === 1 ? 4 : 2);
  return (sum * step) / 3;
}

const lshCache = new Map<string, LshParams>();
const FALSE_POSITIVE_WEIGHT = 0.1;

/**
 * Bands × rows for a threshold: the pair whose S-curve 1-(1-s^r)^b has the least weighted area of
 * false positives below the threshold plus false negatives above it (datasketch's choice). Every
 * candidate is verified afterwards, so a false positive costs one comparison while a false
 * negative keeps a duplicate: misses weigh 9× more (at 0.8 a 0.85 pair becomes a candidate 97% of
 * the time instead of 60% with equal weights).
 */
export function lshParams(threshold: number, count = DEFAULT_PERMUTATIONS): LshParams {
  const key = `${threshold}:${count}`;
  const cached = lshCache.get(key);
  if (cached) return cached;
  let best: LshParams = { bands: count, rows: 1 };
  let bestError = Infinity;
  for (let bands = 1; bands <= count; bands++) {
    for (let rows = 1; rows <= Math.floor(count / bands); rows++) {
      const candidate = (s: number) => 1 - (1 - s ** rows) ** bands;
      const falsePositive = integrate(candidate, 0, threshold);
      const falseNegative = integrate((s) => 1 - candidate(s), threshold, 1);
      const error = FALSE_POSITIVE_WEIGHT * falsePositive + (1 - FALSE_POSITIVE_WEIGHT) * falseNegative;
      if (error < bestError) {
        bestError = error;
        best = { bands, rows };
      }
    }
  }
  lshCache.set(key, best);
  return best;
}

/** One bucket key per band: two signatures sharing any key are candidates. */
export function bandKeys(signature: Uint32Array, { bands, rows }: LshParams): Uint32Array {
  const keys = new Uint32Array(bands);
  for (let band = 0; band < bands; band++) {
    let h = fmix32(band + 1);
    for (let r = band * rows; r < (band + 1) * rows; r++) h = combine32(h, signature[r]);
    keys[band] = h;
  }
  return keys;
}
