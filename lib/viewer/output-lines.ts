/**
 * What an output box shows: numbered, styled lines; long outputs collapsed to head and tail;
 * very long lines cut until expanded; a gap where the server left part of a huge step out; and
 * search matches marked. Pure, so the collapse and the numbering are tested without a browser.
 */
import { parseAnsi, type AnsiSegment } from "./ansi";

export type OutputLine = { kind: "line"; number: number; segments: AnsiSegment[]; text: string };
/** Characters the server did not send (see lib/viewer/step-caps.ts); `lines` of them are newlines. */
export type OutputGap = { kind: "gap"; chars: number; lines: number };
export type OutputItem = OutputLine | OutputGap;
export type OutputRow = OutputItem | { kind: "hidden"; lines: number };

export type Clip = { at: number; omittedChars: number; omittedLines: number };

function toLines(text: string, firstNumber: number): OutputLine[] {
  return parseAnsi(text).map((segments, i) => ({
    kind: "line",
    number: firstNumber + i,
    segments,
    text: segments.map((s) => s.text).join(""),
  }));
}

/** The output's lines; with a clip, the sent head and tail around a gap, numbered as in the full text. */
export function outputItems(text: string, clip?: Clip | null): OutputItem[] {
  if (!clip) return dropFinalEmpty(toLines(text, 1));
  const head = toLines(text.slice(0, clip.at), 1);
  // The head ends mid-line and the tail starts mid-line: the gap sits between those two pieces.
  const tail = toLines(text.slice(clip.at), head.length + clip.omittedLines);
  return [...head, { kind: "gap", chars: clip.omittedChars, lines: clip.omittedLines }, ...dropFinalEmpty(tail)];
}

/** A trailing newline does not make an extra, empty line (as editors and `cat -n` count). */
function dropFinalEmpty(lines: OutputLine[]): OutputLine[] {
  return lines.length > 1 && lines.at(-1)!.text === "" ? lines.slice(0, -1) : lines;
}

export const COLLAPSE = { head: 20, tail: 10, slack: 5 } as const;

/** Head and tail with the middle hidden, unless little would be hidden. */
export function collapseItems(items: OutputItem[], { head, tail, slack }: { head: number; tail: number; slack: number } = COLLAPSE): OutputRow[] {
  if (items.length <= head + tail + slack) return items;
  const hidden = items.slice(head, items.length - tail);
  const hiddenLines = hidden.reduce((n, item) => n + (item.kind === "line" ? 1 : item.lines), 0);
  return [...items.slice(0, head), { kind: "hidden", lines: hiddenLines }, ...items.slice(items.length - tail)];
}

export function isCollapsible(items: OutputItem[]): boolean {
  return items.length > COLLAPSE.head + COLLAPSE.tail + COLLAPSE.slack || items.some((i) => i.kind === "line" && i.text.length > LONG_LINE_CHARS);
}

/** Collapsed lines show this many characters; expanding shows whole lines (wrapped). */
export const LONG_LINE_CHARS = 2_000;

export function clipSegments(segments: AnsiSegment[], maxChars: number): { segments: AnsiSegment[]; hiddenChars: number } {
  const clipped: AnsiSegment[] = [];
  let used = 0;
  let total = 0;
  for (const segment of segments) {
    total += segment.text.length;
    if (used >= maxChars) continue;
    const room = maxChars - used;
    clipped.push(segment.text.length <= room ? segment : { ...segment, text: segment.text.slice(0, room) });
    used += Math.min(room, segment.text.length);
  }
  return { segments: clipped, hiddenChars: total - used };
}

export type MarkedSegment = AnsiSegment & { isMatch: boolean };

/** Case-insensitive positions of `query` in `text`. */
export function matchRanges(text: string, query: string): [number, number][] {
  if (query === "") return [];
  const haystack = text.toLowerCase();
  const needle = query.toLowerCase();
  const ranges: [number, number][] = [];
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) {
    ranges.push([at, at + needle.length]);
  }
  return ranges;
}

/** Splits styled segments at the match ranges so matches can be marked without losing colours. */
export function markSegments(segments: AnsiSegment[], ranges: [number, number][]): MarkedSegment[] {
  if (ranges.length === 0) return segments.map((s) => ({ ...s, isMatch: false }));
  const marked: MarkedSegment[] = [];
  let offset = 0;
  let r = 0;
  for (const segment of segments) {
    const end = offset + segment.text.length;
    let at = offset;
    while (at < end) {
      while (r < ranges.length && ranges[r][1] <= at) r++;
      const range = ranges[r];
      if (!range || range[0] >= end) {
        marked.push({ ...segment, text: segment.text.slice(at - offset), isMatch: false });
        break;
      }
      if (range[0] > at) {
        marked.push({ ...segment, text: segment.text.slice(at - offset, range[0] - offset), isMatch: false });
        at = range[0];
      }
      const stop = Math.min(range[1], end);
      marked.push({ ...segment, text: segment.text.slice(at - offset, stop - offset), isMatch: true });
      at = stop;
    }
    offset = end;
  }
  return marked;
}

/** Line numbers (in `items`) that contain the query, for "n matches" and next / previous. */
export function matchingLines(items: OutputItem[], query: string): number[] {
  if (query === "") return [];
  const needle = query.toLowerCase();
  return items.flatMap((item) => (item.kind === "line" && item.text.toLowerCase().includes(needle) ? [item.number] : []));
}
