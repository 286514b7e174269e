/**
 * Observations can be megabytes long and loop detection compares each one with its neighbours,
 * so long texts are reduced once to a short key. A 53-bit hash plus the length makes an
 * accidental collision (which would fake a loop) practically impossible.
 */

/** Texts up to this length are their own key; hashing them would cost more than comparing. */
const INLINE_KEY_MAX = 64;

export function fingerprint(text: string): string {
  return text.length <= INLINE_KEY_MAX ? `=${text}` : `#${text.length}:${hashRange(text, 0, text.length).toString(36)}`;
}

/** Two independent 32-bit hashes of `text[start, end)` (the second mixes in the length), into `out`. */
export function hashRangeInto(text: string, start: number, end: number, out: Int32Array): void {
  let fnv = 0x811c9dc5;
  let mix = 0x9747b28c;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    fnv = Math.imul(fnv ^ c, 0x01000193);
    mix = Math.imul(mix ^ c, 0x5bd1e995);
    mix ^= mix >>> 15;
  }
  out[0] = fnv;
  out[1] = mix ^ (end - start);
}

const scratch = new Int32Array(2);

/** A 53-bit hash of `text[start, end)`, computed in place (no slice of a possibly huge string). */
export function hashRange(text: string, start: number, end: number): number {
  hashRangeInto(text, start, end, scratch);
  return (scratch[0] >>> 0) * 0x200000 + (scratch[1] & 0x1fffff);
}

/** JSON with object keys sorted at every level, so `{a,b}` and `{b,a}` are the same action. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== "object" || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
    return sorted;
  });
}
