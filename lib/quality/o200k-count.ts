/**
 * Exact o200k_base token counts at import speed.
 *
 * gpt-tokenizer spends most of its time in the Unicode split regex and in lookups in its 200k-entry
 * rank map (~5–9 MB/s on trajectory text; the regex alone tops out near 30 MB/s). Trajectories are
 * mostly ASCII, so for ASCII chunks this file re-implements the split regex as a hand-written
 * scanner and counts each piece once, remembering pieces (and whole chunks) by a 64-bit hash of
 * their characters. Chunks with other characters, and every unseen piece, still go through
 * gpt-tokenizer, so the BPE itself is never re-implemented. Counts are exact barring a hash
 * collision; `o200k-count.test.ts` checks equality against gpt-tokenizer.
 *
 * One exception keeps hostile input linear: BPE over one piece is quadratic in its length (200,000
 * unbroken letters took 29 s), so a piece longer than LONG_PIECE characters — and a non-ASCII
 * chunk longer than LONG_CHUNK — is counted in windows of LONG_PIECE characters. Such runs are
 * base64 blobs, minified bundles or junk; the count may then be off by about one token per window.
 *
 * The split regex (alternatives tried in order):
 *   1. [^\r\n\p{L}\p{N}]?[\p{Lu}…]*[\p{Ll}…]+('s|'t|…)?   2. [^\r\n\p{L}\p{N}]?[\p{Lu}…]+[\p{Ll}…]*('s|…)?
 *   3. \p{N}{1,3}   4. ` ?[^\s\p{L}\p{N}]+[\r\n/]*`   5. \s*[\r\n]+   6. \s+(?!\S)   7. \s+
 */
import { countTokens } from "gpt-tokenizer/encoding/o200k_base";
import { createCountTable } from "./count-table";
import { hashRangeInto } from "./fingerprint";
import { forEachTokenChunk } from "./token-chunks";

const UPPER = 1;
const LOWER = 2;
const DIGIT = 3;
const NEWLINE = 4; // \r \n
const SPACE = 5; // other ASCII \s: \t \v \f and " "
const PUNCT = 6; // everything else: not \s, not a letter, not a digit

const classOf = new Uint8Array(128).map((_, c) => {
  if (c >= 0x41 && c <= 0x5a) return UPPER;
  if (c >= 0x61 && c <= 0x7a) return LOWER;
  if (c >= 0x30 && c <= 0x39) return DIGIT;
  if (c === 0x0a || c === 0x0d) return NEWLINE;
  if (c === 0x20 || (c >= 0x09 && c <= 0x0c)) return SPACE;
  return PUNCT;
});

const isLetter = (k: number) => k === UPPER || k === LOWER;
const isSpace = (k: number) => k === SPACE || k === NEWLINE;

/** Length of a `'s|'d|'m|'t|'ll|'ve|'re` suffix (any case) at `i`, or 0. */
function contractionAt(text: string, i: number, end: number): number {
  if (i + 1 >= end || text.charCodeAt(i) !== 0x27) return 0;
  const a = text.charCodeAt(i + 1) | 0x20;
  if (a === 0x73 || a === 0x64 || a === 0x6d || a === 0x74) return 2; // s d m t
  if (i + 2 >= end) return 0;
  const b = text.charCodeAt(i + 2) | 0x20;
  if ((a === 0x6c && b === 0x6c) || (a === 0x76 && b === 0x65) || (a === 0x72 && b === 0x65)) return 3; // ll ve re
  return 0;
}

/** End of the split-regex piece starting at `p` in an all-ASCII `text[p, end)`. */
function pieceEnd(text: string, p: number, end: number): number {
  const k = classOf[text.charCodeAt(p)];
  const next = p + 1 < end ? classOf[text.charCodeAt(p + 1)] : 0;
  if (isLetter(k) || ((k === SPACE || k === PUNCT) && isLetter(next))) {
    // Alternatives 1 and 2: optional prefix, uppercase run, lowercase run, contraction.
    const q = isLetter(k) ? p : p + 1;
    let u = q;
    while (u < end && classOf[text.charCodeAt(u)] === UPPER) u++;
    let l = u;
    while (l < end && classOf[text.charCodeAt(l)] === LOWER) l++;
    return l + contractionAt(text, l, end);
  }
  if (k === DIGIT) {
    let e = p + 1;
    while (e < end && e < p + 3 && classOf[text.charCodeAt(e)] === DIGIT) e++;
    return e;
  }
  if (k === PUNCT || (text.charCodeAt(p) === 0x20 && next === PUNCT)) {
    // Alternative 4: optional space, punctuation run, then any \r \n / run.
    let e = k === PUNCT ? p : p + 1;
    while (e < end && classOf[text.charCodeAt(e)] === PUNCT) e++;
    while (e < end) {
      const c = text.charCodeAt(e);
      if (c !== 0x0a && c !== 0x0d && c !== 0x2f) break;
      e++;
    }
    return e;
  }
  // Alternatives 5–7 over the whitespace run.
  let w = p;
  let afterLastNewline = -1;
  while (w < end && isSpace(classOf[text.charCodeAt(w)])) {
    if (classOf[text.charCodeAt(w)] === NEWLINE) afterLastNewline = w + 1;
    w++;
  }
  if (afterLastNewline > 0) return afterLastNewline;
  if (w === end || w - p === 1) return w;
  return w - 1; // leave the last space to prefix the next word
}

function isAscii(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

// Trajectories quote "<|endoftext|>" and friends; count them as text instead of throwing.
const asPlainText = { disallowedSpecial: new Set<string>() };

export const LONG_PIECE = 1_000;
export const LONG_CHUNK = 20_000;

/** Tokens of `text[start, end)` counted window by window (see the note at the top). */
function countInWindows(text: string, start: number, end: number): number {
  let total = 0;
  for (let p = start; p < end; p += LONG_PIECE) total += countTokens(text.slice(p, Math.min(end, p + LONG_PIECE)), asPlainText);
  return total;
}

export function createO200kCounter(): (text: string) => number {
  const pieces = createCountTable(20);
  // Whole chunks repeat too (system prompts, re-read files, re-run test output).
  const chunks = createCountTable(18);
  const hash = new Int32Array(2);
  const countPieces = (text: string, start: number, end: number): number => {
    let total = 0;
    for (let p = start; p < end; ) {
      const e = pieceEnd(text, p, end);
      // Every single ASCII byte is a token of its own.
      if (e - p === 1) total += 1;
      else if (e - p > LONG_PIECE) total += countInWindows(text, p, e);
      else {
        hashRangeInto(text, p, e, hash);
        let n = pieces.get(hash[0], hash[1]);
        if (n < 0) {
          n = countTokens(text.slice(p, e), asPlainText);
          pieces.set(hash[0], hash[1], n);
        }
        total += n;
      }
      p = e;
    }
    return total;
  };
  return (text) => {
    let total = 0;
    forEachTokenChunk(text, (start, end) => {
      hashRangeInto(text, start, end, hash);
      let n = chunks.get(hash[0], hash[1]);
      if (n < 0) {
        const [a, b] = hash;
        n = isAscii(text, start, end)
          ? countPieces(text, start, end)
          : end - start > LONG_CHUNK
            ? countInWindows(text, start, end)
            : countTokens(text.slice(start, end), asPlainText);
        chunks.set(a, b, n);
      }
      total += n;
    });
    return total;
  };
}
