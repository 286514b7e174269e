/**
 * Splits text where the o200k / cl100k pre-tokenizer is certain to split, so each chunk can be
 * counted (and cached) on its own and the counts still add up to the exact total.
 *
 * The split regex only lets a piece run across a line break in three ways: `\s*[\r\n]+`
 * swallows following blank or whitespace-only lines, `[\r\n/]*` after punctuation swallows a
 * `/` that opens the next line, and other Unicode spaces may join whitespace runs. Everywhere
 * else the piece ends at "\n" and matching restarts fresh at the next line.
 */

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;
const SLASH = 0x2f;

/** True when position `i` (just after a "\n") starts a line the pre-tokenizer cannot join. */
function isSafeLineStart(text: string, i: number): boolean {
  let j = i;
  while (j < text.length && (text.charCodeAt(j) === SPACE || text.charCodeAt(j) === TAB)) j++;
  if (j >= text.length) return j > i;
  const c = text.charCodeAt(j);
  if (c === NEWLINE || c === CARRIAGE_RETURN) return false;
  if (j === i && c === SLASH) return false;
  // Printable ASCII is never whitespace; only rarer characters need the Unicode check.
  return (c > SPACE && c < 0x7f) || !/\s/.test(text[j]);
}

/**
 * True when `text`, placed right after a "\n", starts a chunk: the pre-tokenizer cannot join it to
 * what comes before. So for a `head` such as "File: a.py\n\n" (lines whose own chunks nothing
 * after them can change: every "\n" but the last is followed by a non-blank character or another
 * "\n"), the tokens of `head + text` are those of `head` plus those of `text`.
 */
export function startsNewChunk(text: string): boolean {
  return text.length > 0 && isSafeLineStart(text, 0);
}

/** Calls `visit(start, end)` for consecutive chunks covering the text, in order. */
export function forEachTokenChunk(text: string, visit: (start: number, end: number) => void): void {
  let start = 0;
  let newline = text.indexOf("\n");
  while (newline >= 0 && newline + 1 < text.length) {
    const next = newline + 1;
    if (isSafeLineStart(text, next)) {
      visit(start, next);
      start = next;
    }
    newline = text.indexOf("\n", next);
  }
  if (start < text.length) visit(start, text.length);
}
