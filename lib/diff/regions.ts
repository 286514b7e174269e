/**
 * Turns parsed patches into the two texts a diff editor compares. A patch only knows the regions
 * its hunks cover, so each side is those regions in order, every region opened by a header line
 * that reads the same on both sides (a diff editor then aligns the regions and shows the header
 * as unchanged) — never invented content for the lines in between.
 */
import { hunkSide, type Hunk, type PatchFile } from "./unified";

export type SideBySide = { original: string; modified: string };

function joinLines(lines: string[], noNewlineAtEnd: boolean): string {
  if (lines.length === 0) return "";
  return lines.join("\n") + (noNewlineAtEnd ? "" : "\n");
}

function hunkTitle(hunk: Hunk): string {
  const old = `-${hunk.oldStart}${hunk.oldLines === 1 ? "" : `,${hunk.oldLines}`}`;
  const fresh = `+${hunk.newStart}${hunk.newLines === 1 ? "" : `,${hunk.newLines}`}`;
  return `@@ ${old} ${fresh} @@${hunk.section ? ` ${hunk.section}` : ""}`;
}

/** A region that starts the file needs no header: line numbers then mean what they say. */
function startsFile(hunk: Hunk): boolean {
  return hunk.oldStart <= 1 && hunk.newStart <= 1;
}

/** The before and after text of the regions one file's hunks cover. */
export function fileRegions(file: PatchFile): SideBySide {
  const original: string[] = [];
  const modified: string[] = [];
  file.hunks.forEach((hunk, index) => {
    if (index > 0 || !startsFile(hunk)) {
      const title = hunkTitle(hunk);
      original.push(title);
      modified.push(title);
    }
    original.push(...hunkSide(hunk, "old"));
    modified.push(...hunkSide(hunk, "new"));
  });
  const last = file.hunks.at(-1);
  return {
    original: file.oldPath === null ? "" : joinLines(original, last?.oldNoNewline ?? false),
    modified: file.newPath === null ? "" : joinLines(modified, last?.newNoNewline ?? false),
  };
}

type Range = { start: number; end: number };

/** Base lines a hunk replaces; a pure insertion after line n is the empty range [n+1, n]. */
function oldRange(hunk: Hunk): Range {
  return hunk.oldLines === 0 ? { start: hunk.oldStart + 1, end: hunk.oldStart } : { start: hunk.oldStart, end: hunk.oldStart + hunk.oldLines - 1 };
}

/** Touching or overlapping ranges merge, so every region is a run of base lines some hunk shows. */
function mergeRanges(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Range[] = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last && range.start <= last.end + 1) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

function recordBase(base: Map<number, string>, hunk: Hunk): void {
  let line = hunk.oldStart;
  for (const entry of hunk.lines) {
    if (entry.kind === "add") continue;
    if (!base.has(line)) base.set(line, entry.text);
    line++;
  }
}

/** One patch applied to a region of base lines: base lines where it has no hunk, its new lines where it does. */
function applyToRegion(base: Map<number, string>, hunks: Hunk[], region: Range): string[] {
  const out: string[] = [];
  let next = region.start;
  const inside = hunks
    .filter((hunk) => {
      const range = oldRange(hunk);
      return range.start >= region.start && range.end <= region.end;
    })
    .sort((a, b) => a.oldStart - b.oldStart);
  for (const hunk of inside) {
    const range = oldRange(hunk);
    for (; next < range.start; next++) out.push(base.get(next) ?? "");
    out.push(...hunkSide(hunk, "new"));
    next = Math.max(next, range.end + 1);
  }
  for (; next <= region.end; next++) out.push(base.get(next) ?? "");
  return out;
}

/**
 * Two patches of the same base file compared after applying each: the regions either touches, in
 * base line numbers, with each patch's result there. A file one patch leaves alone reads as its
 * base lines on that side; a file one patch deletes (or never creates) is empty there.
 */
export function compareResults(left: PatchFile | null, right: PatchFile | null): SideBySide {
  const leftHunks = left?.hunks ?? [];
  const rightHunks = right?.hunks ?? [];
  const base = new Map<number, string>();
  for (const hunk of [...leftHunks, ...rightHunks]) recordBase(base, hunk);
  const regions = mergeRanges([...leftHunks, ...rightHunks].map(oldRange));
  const sides = { original: [] as string[], modified: [] as string[] };
  regions.forEach((region, index) => {
    if (index > 0 || region.start > 1) {
      const title = region.end < region.start ? `@@ after base line ${region.end} @@` : `@@ base lines ${region.start}–${region.end} @@`;
      sides.original.push(title);
      sides.modified.push(title);
    }
    sides.original.push(...applyToRegion(base, leftHunks, region));
    sides.modified.push(...applyToRegion(base, rightHunks, region));
  });
  const exists = (file: PatchFile | null, other: PatchFile | null) => (file ? file.newPath !== null : other?.oldPath !== null);
  return {
    original: exists(left, right) ? joinLines(sides.original, false) : "",
    modified: exists(right, left) ? joinLines(sides.modified, false) : "",
  };
}

export type FilePair = { path: string; left: PatchFile | null; right: PatchFile | null };

/** Files of two patches matched by path (a rename matches on either of its paths), left's order first. */
export function pairFiles(left: PatchFile[], right: PatchFile[]): FilePair[] {
  const unmatched = new Set(right);
  const pairs: FilePair[] = left.map((file) => {
    const match = right.find((other) => unmatched.has(other) && [other.oldPath, other.newPath].some((p) => p !== null && (p === file.oldPath || p === file.newPath)));
    if (match) unmatched.delete(match);
    return { path: file.path, left: file, right: match ?? null };
  });
  for (const file of unmatched) pairs.push({ path: file.path, left: null, right: file });
  return pairs;
}
