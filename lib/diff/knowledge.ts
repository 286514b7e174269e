/**
 * What a trajectory lets us know about one file's content at one moment. Often the whole text
 * (the agent created it, or viewed all of it); often only regions: the lines a `view` or an
 * edit's snippet printed (anchored at their line numbers) and the text an edit wrote where the
 * trajectory never says at which line (loose). Never more than what was recorded.
 *
 * Lines are `text.split("\n")`, the way the editor tools number them (`cat -n` of a file ending
 * in a newline shows a last, empty line), so a block of lines joined by "\n" is exact text.
 */

/** Consecutive lines known to start at `startLine` (1-based). */
export type Block = { startLine: number; lines: string[] };

export type Knowledge =
  | { kind: "full"; text: string }
  | { kind: "partial"; blocks: Block[]; loose: string[] }
  | { kind: "absent" };

export const unknown: Knowledge = { kind: "partial", blocks: [], loose: [] };

export function full(text: string): Knowledge {
  return { kind: "full", text };
}

export function isUnknown(knowledge: Knowledge): boolean {
  return knowledge.kind === "partial" && knowledge.blocks.length === 0 && knowledge.loose.length === 0;
}

function endLine(block: Block): number {
  return block.startLine + block.lines.length - 1;
}

function countNewlines(text: string): number {
  let count = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) count++;
  return count;
}

/**
 * Tool output is not always byte-exact: listings expand tabs, OpenHands' diffs drop trailing
 * blanks. A known line that differs from the output only in whitespace keeps its exact text.
 */
function keepExact(known: string | undefined, shown: string): string {
  if (known === undefined || known === shown) return shown;
  const squash = (line: string) => line.replace(/\s+/g, " ").trim();
  return squash(known) === squash(shown) ? known : shown;
}

/** Adds a block; its lines win over what overlapping blocks said, and touching blocks join it. */
function mergeBlock(blocks: Block[], added: Block): Block[] {
  const touches = (b: Block) => b.startLine <= endLine(added) + 1 && endLine(b) >= added.startLine - 1;
  const touching = blocks.filter(touches);
  const start = Math.min(added.startLine, ...touching.map((b) => b.startLine));
  const end = Math.max(endLine(added), ...touching.map(endLine));
  const lines: string[] = [];
  for (let n = start; n <= end; n++) {
    const from = touching.find((b) => n >= b.startLine && n <= endLine(b));
    const known = from?.lines[n - from.startLine];
    if (n >= added.startLine && n <= endLine(added)) lines.push(keepExact(known, added.lines[n - added.startLine]));
    else lines.push(known ?? "");
  }
  return [...blocks.filter((b) => !touches(b)), { startLine: start, lines }].sort((a, b) => a.startLine - b.startLine);
}

/** Drops loose fragments a block now shows. */
function pruneLoose(blocks: Block[], loose: string[]): string[] {
  const texts = blocks.map((b) => b.lines.join("\n"));
  // A fragment's own first or last line break may fall just outside a block.
  return loose.filter((fragment) => !texts.some((text) => text.includes(fragment.replace(/^\n|\n$/g, ""))));
}

/** Knowledge after the tool printed lines `startLine…` of the file (`complete`: the whole file). */
export function applyView(knowledge: Knowledge, view: { startLine: number; lines: string[]; complete?: boolean }): Knowledge {
  if (view.complete) {
    const known = knowledge.kind === "full" ? knowledge.text.split("\n") : [];
    return full(view.lines.map((line, i) => keepExact(known[i], line)).join("\n"));
  }
  if (view.lines.length === 0) return knowledge;
  if (knowledge.kind === "full") {
    // The tool's output is the truth; a replay that disagrees (an unrecorded change) is corrected.
    const lines = knowledge.text.split("\n");
    if (view.startLine > lines.length + 1) return knowledge;
    const shown = view.lines.map((line, i) => keepExact(lines[view.startLine - 1 + i], line));
    lines.splice(view.startLine - 1, view.lines.length, ...shown);
    return full(lines.join("\n"));
  }
  const base = knowledge.kind === "partial" ? knowledge : { blocks: [], loose: [] };
  const blocks = mergeBlock(base.blocks, { startLine: view.startLine, lines: view.lines });
  return { kind: "partial", blocks, loose: pruneLoose(blocks, base.loose) };
}

/** Blocks after an edit at an unknown line that changed the line count: their numbers are no longer known. */
function unanchor(knowledge: Extract<Knowledge, { kind: "partial" }>, lineDelta: number): Extract<Knowledge, { kind: "partial" }> {
  if (lineDelta === 0) return knowledge;
  return { kind: "partial", blocks: [], loose: [...knowledge.blocks.map((b) => b.lines.join("\n")), ...knowledge.loose] };
}

/** Blocks after line `line` move by `delta` lines. */
function shiftAfter(blocks: Block[], line: number, delta: number): Block[] {
  return blocks.map((b) => (b.startLine > line ? { ...b, startLine: b.startLine + delta } : b));
}

export type EditResult = { before: Knowledge; after: Knowledge; error?: string; note?: string };

/** Where the edit landed, when the tool printed a numbered snippet of the result. */
export type Snippet = { startLine: number; lines: string[] };

/** Lines `line…` of the file: `oldCount` of them before the edit became `newCount` after it. */
export type LineChange = { line: number; oldCount: number; newCount: number };

/**
 * The printed lines of the result around the change were in the file before it too (those below
 * it `newCount - oldCount` lines higher up): what a snippet reveals about the file before the edit.
 */
export function revealAround(before: Knowledge, snippet: Snippet, change: LineChange): Knowledge {
  if (before.kind !== "partial") return before;
  const end = snippet.startLine + snippet.lines.length;
  const above = Math.max(0, Math.min(change.line, end) - snippet.startLine);
  let revealed: Knowledge = before;
  if (above > 0) revealed = applyView(revealed, { startLine: snippet.startLine, lines: snippet.lines.slice(0, above) });
  const below = Math.max(change.line + change.newCount, snippet.startLine);
  if (below < end) revealed = applyView(revealed, { startLine: below - (change.newCount - change.oldCount), lines: snippet.lines.slice(below - snippet.startLine) });
  return revealed;
}

function changeAt(text: string, at: number, startLine: number, oldText: string, newText: string): LineChange {
  return { line: startLine + countNewlines(text.slice(0, at)), oldCount: countNewlines(oldText) + 1, newCount: countNewlines(newText) + 1 };
}

/**
 * `str_replace`: the first occurrence of `oldText` becomes `newText`. `before` is what we knew
 * plus what the edit reveals (the file held `oldText`); with a snippet the unknown location is
 * pinned to its line numbers.
 */
export function replaceText(knowledge: Knowledge, oldText: string, newText: string, snippet?: Snippet): EditResult {
  const unchanged = (error: string): EditResult => ({ before: knowledge, after: knowledge, error });
  if (oldText === "") return unchanged("old_str is empty");
  if (knowledge.kind === "absent") return unchanged("the file does not exist at this point");
  if (knowledge.kind === "full") {
    const at = knowledge.text.indexOf(oldText);
    if (at < 0) return unchanged("old_str does not occur in the reconstructed file, so the tool would have refused this edit");
    const after = full(knowledge.text.slice(0, at) + newText + knowledge.text.slice(at + oldText.length));
    return { before: knowledge, after: snippet ? applyView(after, snippet) : after };
  }
  const lineDelta = countNewlines(newText) - countNewlines(oldText);
  const index = knowledge.blocks.findIndex((b) => b.lines.join("\n").includes(oldText));
  if (index >= 0) {
    const block = knowledge.blocks[index];
    const text = block.lines.join("\n");
    const at = text.indexOf(oldText);
    const lines = (text.slice(0, at) + newText + text.slice(at + oldText.length)).split("\n");
    const blocks = shiftAfter(knowledge.blocks, block.startLine, lineDelta).map((b, i) => (i === index ? { startLine: block.startLine, lines } : b));
    const after: Knowledge = { kind: "partial", blocks, loose: knowledge.loose };
    if (!snippet) return { before: knowledge, after };
    return { before: revealAround(knowledge, snippet, changeAt(text, at, block.startLine, oldText, newText)), after: applyView(after, snippet) };
  }
  const anchored = snippet && pinToSnippet(knowledge, oldText, newText, snippet);
  if (anchored) return anchored;
  const looseIndex = knowledge.loose.findIndex((fragment) => fragment.includes(oldText));
  if (looseIndex >= 0) {
    const loose = knowledge.loose.map((f, i) => (i === looseIndex ? f.replace(oldText, () => newText) : f));
    return { before: knowledge, after: unanchor({ kind: "partial", blocks: knowledge.blocks, loose }, lineDelta) };
  }
  const before: Knowledge = { kind: "partial", blocks: knowledge.blocks, loose: [...knowledge.loose, oldText] };
  const after = unanchor({ kind: "partial", blocks: knowledge.blocks, loose: [...knowledge.loose, newText] }, lineDelta);
  return { before, after, note: "Where in the file this replacement happened is not recorded." };
}

/**
 * An edit at a line we did not know, located by the snippet the tool printed: the snippet shows
 * the new lines; the same lines with `oldText` put back are the file before, at the same numbers.
 */
function pinToSnippet(knowledge: Extract<Knowledge, { kind: "partial" }>, oldText: string, newText: string, snippet: Snippet): EditResult | null {
  const text = snippet.lines.join("\n");
  const at = newText === "" ? -1 : text.indexOf(newText);
  if (at < 0 || text.indexOf(newText, at + 1) >= 0) return null;
  const beforeText = text.slice(0, at) + oldText + text.slice(at + newText.length);
  const line = snippet.startLine + countNewlines(text.slice(0, at));
  const oldEnd = line + countNewlines(oldText);
  const lineDelta = countNewlines(newText) - countNewlines(oldText);
  // A block that held part of the replaced lines but not all of old_str is stale.
  const kept = knowledge.blocks.filter((b) => endLine(b) < line || b.startLine > oldEnd);
  const loose = knowledge.loose.filter((fragment) => !fragment.includes(oldText));
  const before = applyView({ kind: "partial", blocks: kept, loose }, { startLine: snippet.startLine, lines: beforeText.split("\n") });
  const after = applyView({ kind: "partial", blocks: shiftAfter(kept, oldEnd, lineDelta), loose }, snippet);
  return { before, after };
}

/** `insert`: `newText`'s lines go after line `line` (0 = the top), as the editor tools do it. */
export function insertLines(knowledge: Knowledge, line: number | undefined, newText: string): EditResult {
  const unchanged = (error: string): EditResult => ({ before: knowledge, after: knowledge, error });
  if (line === undefined || line < 0) return unchanged("insert_line is missing");
  if (knowledge.kind === "absent") return unchanged("the file does not exist at this point");
  const inserted = newText.split("\n");
  if (knowledge.kind === "full") {
    const lines = knowledge.text.split("\n");
    if (line > lines.length) return unchanged(`insert_line ${line} is past the end of the file (${lines.length} lines)`);
    lines.splice(line, 0, ...inserted);
    return { before: knowledge, after: full(lines.join("\n")) };
  }
  // Blocks below move down; a block the insertion falls inside is split around it.
  const blocks = knowledge.blocks.map((b) => {
    if (endLine(b) <= line) return b;
    if (b.startLine > line) return { ...b, startLine: b.startLine + inserted.length };
    const cut = line - b.startLine + 1;
    return { startLine: b.startLine, lines: [...b.lines.slice(0, cut), ...inserted, ...b.lines.slice(cut)] };
  });
  const withInsert = mergeBlock(blocks, { startLine: line + 1, lines: inserted });
  return { before: knowledge, after: { kind: "partial", blocks: withInsert, loose: knowledge.loose } };
}

/**
 * Lines `start…` (`oldLines`, in the file as it is now) become `newLines`: a diff hunk applied.
 * On a file known only in regions, the hunk itself reveals the old lines at that place.
 */
export function spliceLines(knowledge: Knowledge, start: number, oldLines: string[], newLines: string[]): EditResult {
  const unchanged = (error: string): EditResult => ({ before: knowledge, after: knowledge, error });
  if (knowledge.kind === "absent") {
    if (oldLines.length > 0 || start > 1) return unchanged("the file does not exist at this point");
    return { before: knowledge, after: full(newLines.join("\n")) };
  }
  if (knowledge.kind === "full") {
    const lines = knowledge.text.split("\n");
    const found = lines.slice(start - 1, start - 1 + oldLines.length);
    if (found.length !== oldLines.length || found.some((line, i) => line !== oldLines[i])) {
      return unchanged(`the diff's old lines do not match the reconstructed file at line ${start}`);
    }
    lines.splice(start - 1, oldLines.length, ...newLines);
    return { before: knowledge, after: full(lines.join("\n")) };
  }
  if (oldLines.length === 0) return insertLines(knowledge, start - 1, newLines.join("\n"));
  const before = applyView(knowledge, { startLine: start, lines: oldLines });
  if (before.kind !== "partial") return unchanged("unexpected state");
  const lineDelta = newLines.length - oldLines.length;
  const blocks = before.blocks.map((b) => {
    if (endLine(b) < start) return b;
    if (b.startLine > start) return { ...b, startLine: b.startLine + lineDelta };
    const cut = start - b.startLine;
    return { startLine: b.startLine, lines: [...b.lines.slice(0, cut), ...newLines, ...b.lines.slice(cut + oldLines.length)] };
  });
  return { before, after: { kind: "partial", blocks, loose: before.loose } };
}

/** Lines `start…end` (1-based, inclusive) become `newLines`, whatever they held (SWE-agent 0.x `edit`). */
export function replaceLineRange(knowledge: Knowledge, start: number, end: number, newLines: string[]): EditResult {
  if (knowledge.kind === "absent") return { before: knowledge, after: knowledge, error: "the file does not exist at this point" };
  const count = Math.max(0, end - start + 1);
  if (knowledge.kind === "full") {
    const lines = knowledge.text.split("\n");
    if (start < 1 || start > lines.length) return { before: knowledge, after: knowledge, error: `line ${start} is past the end of the file` };
    lines.splice(start - 1, count, ...newLines);
    return { before: knowledge, after: full(lines.join("\n")) };
  }
  const delta = newLines.length - count;
  const blocks: Block[] = [];
  for (const b of knowledge.blocks) {
    if (endLine(b) < start) blocks.push(b);
    else if (b.startLine > end) blocks.push({ ...b, startLine: b.startLine + delta });
    else {
      const head = b.lines.slice(0, Math.max(0, start - b.startLine));
      const tail = b.lines.slice(Math.max(0, end + 1 - b.startLine));
      if (head.length > 0) blocks.push({ startLine: b.startLine, lines: head });
      if (tail.length > 0) blocks.push({ startLine: start + newLines.length, lines: tail });
    }
  }
  return { before: knowledge, after: { kind: "partial", blocks: mergeBlock(blocks, { startLine: start, lines: newLines }), loose: knowledge.loose } };
}
