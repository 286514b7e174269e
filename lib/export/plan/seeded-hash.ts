/**
 * Small deterministic 32-bit hashes for every seeded choice of the plan (split order, sampling
 * order, final shuffle, MinHash permutations). No Math.random anywhere: the same recipe and data
 * give the same plan on any machine and Node version.
 */

/** murmur3's finalizer: a bijection on 32 bits with full avalanche. */
export function fmix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over UTF-16 code units, finalized so that short strings still spread over 32 bits. */
export function hashString32(text: string, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return fmix32(h ^ text.length);
}

/** Folds one more 32-bit value into a running hash (order matters). */
export function combine32(hash: number, value: number): number {
  return fmix32(Math.imul(hash ^ fmix32(value), 0x9e3779b1) + 0x7f4a7c15);
}

function partHash(part: number | string): number {
  // Numbers here are ids, indexes and seeds (< 2^31); strings are hashed first.
  return typeof part === "number" ? part >>> 0 : hashString32(part);
}

/** A 32-bit hash of (seed, ...parts). */
export function seededHash(seed: number, ...parts: (number | string)[]): number {
  let h = fmix32(seed ^ 0x2545f491);
  for (const part of parts) h = combine32(h, partHash(part));
  return h;
}

/** Two independent 32-bit hashes of (seed, ...parts): a 64-bit key, so sort ties are practically impossible. */
export function seededHash64(seed: number, ...parts: (number | string)[]): [number, number] {
  let hi = fmix32(seed ^ 0x2545f491);
  let lo = fmix32((seed ^ 0x6a09e667) + 0x3c6ef372);
  for (const part of parts) {
    const value = partHash(part);
    hi = combine32(hi, value);
    lo = combine32(lo ^ 0x5bd1e995, value);
  }
  return [hi, lo];
}
