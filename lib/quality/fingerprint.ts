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

/**
 * JSON with object keys sorted at every level, so `{a,b}` and `{b,a}` are the same action.
 *
 * Export writes one per tool call, so the common case is written directly: plain objects and
 * arrays whose keys need no special care. Anything else (a key that is an array index, which
 * objects order before other keys; `__proto__`; a toJSON; a non-plain object) goes the general
 * way, through JSON.stringify with a sorting replacer; both give the same text.
 */
export function canonicalJson(value: unknown): string {
  return canonicalDirect(value) ?? sortedJson(value);
}

function sortedJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== "object" || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
    return sorted;
  });
}

/** Marks a value the direct writer leaves to sortedJson. */
const general = Symbol("general");

/** The canonical JSON of `value`, or null when it needs the general way. */
function canonicalDirect(value: unknown): string | null {
  const text = direct(value);
  return text === general ? null : (text ?? null);
}

/** JSON text; undefined where JSON.stringify leaves a value out (undefined, functions, symbols). */
function direct(value: unknown): string | undefined | typeof general {
  if (typeof value !== "object" || value === null) return JSON.stringify(value);
  if (Array.isArray(value)) {
    let text = "[";
    for (let i = 0; i < value.length; i++) {
      const item = direct(value[i]);
      if (item === general) return general;
      text += (i > 0 ? "," : "") + (item ?? "null");
    }
    return text + "]";
  }
  const prototype = Object.getPrototypeOf(value);
  if ((prototype !== Object.prototype && prototype !== null) || "toJSON" in value) return general;
  const keys = Object.keys(value);
  for (const key of keys) if (key === "__proto__" || isIndexLike(key)) return general;
  keys.sort();
  let text = "{";
  let first = true;
  for (const key of keys) {
    const item = direct((value as Record<string, unknown>)[key]);
    if (item === general) return general;
    if (item === undefined) continue;
    text += (first ? "" : ",") + JSON.stringify(key) + ":" + item;
    first = false;
  }
  return text + "}";
}

/** Keys starting with a digit: array indices among them are enumerated first, in numeric order. */
function isIndexLike(key: string): boolean {
  const c = key.charCodeAt(0);
  return c >= 48 && c <= 57;
}
