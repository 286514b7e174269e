/**
 * What a diff says about a file: a patch's old side is the file before (the base commit, for the
 * final patch), its new side the file after; a tool's report of its own edit confirms and pins
 * the replayed text; a standalone diff applies hunk by hunk.
 */
import { applyView, full, spliceLines, unknown, type EditResult, type Knowledge } from "./knowledge";
import { hunkSide, parseUnifiedDiff, type Hunk, type PatchFile } from "./unified";

/** A whole side of a patch (an added file's new side, a deleted file's old side) as file text. */
function wholeSide(file: PatchFile, side: "old" | "new"): string {
  const lines = file.hunks.flatMap((hunk) => hunkSide(hunk, side));
  const last = file.hunks.at(-1);
  const noNewline = side === "old" ? last?.oldNoNewline : last?.newNoNewline;
  return lines.length === 0 ? "" : lines.join("\n") + (noNewline ? "" : "\n");
}

export function isMove(file: PatchFile): file is PatchFile & { oldPath: string; newPath: string } {
  return file.oldPath !== null && file.newPath !== null && file.oldPath !== file.newPath;
}

/** The base lines the hunks show (their context and removed lines). */
export function oldRegions(file: PatchFile): Knowledge {
  return file.hunks.reduce<Knowledge>((k, hunk) => (hunk.oldLines > 0 ? applyView(k, { startLine: hunk.oldStart, lines: hunkSide(hunk, "old") }) : k), unknown);
}

/** The file at the base commit, as far as the final patch shows it. */
export function initialFromPatch(file: PatchFile): Knowledge {
  if (file.oldPath === null) return { kind: "absent" };
  if (file.newPath === null) return full(wholeSide(file, "old"));
  return oldRegions(file);
}

/** How the final patch says the file ends, on top of what the replay knows. */
export function finalFromPatch(file: PatchFile, replayed: Knowledge): { final: Knowledge; disagrees: boolean } {
  if (file.newPath === null) return { final: { kind: "absent" }, disagrees: replayed.kind === "full" };
  if (file.oldPath === null) {
    const text = wholeSide(file, "new");
    return { final: full(text), disagrees: replayed.kind === "full" && replayed.text !== text };
  }
  const final = file.hunks.reduce<Knowledge>(
    (k, hunk) => (hunk.newLines > 0 ? applyView(k, { startLine: hunk.newStart, lines: hunkSide(hunk, "new") }) : k),
    replayed.kind === "absent" ? unknown : replayed,
  );
  return { final, disagrees: replayed.kind === "full" && file.hunks.length > 0 && !showsNewSides(replayed, file.hunks) };
}

/** The diff hunks as views of the before and after states (the tool's own report of an edit it made). */
export function confirm(result: EditResult, hunks: Hunk[]): EditResult {
  let { before, after } = result;
  for (const hunk of hunks) {
    if (hunk.oldLines > 0) before = applyView(before, { startLine: hunk.oldStart, lines: hunkSide(hunk, "old") });
    if (hunk.newLines > 0) after = applyView(after, { startLine: hunk.newStart, lines: hunkSide(hunk, "new") });
  }
  return { ...result, before, after };
}

/** Whether the content already shows every hunk's new lines (the diff reports a change already made). */
function showsNewSides(knowledge: Knowledge, hunks: Hunk[]): boolean {
  if (knowledge.kind !== "full" || hunks.length === 0) return false;
  const lines = knowledge.text.split("\n");
  return hunks.every((hunk) => hunkSide(hunk, "new").every((line, i) => lines[hunk.newStart - 1 + i] === line));
}

/** A standalone diff applied hunk by hunk; a diff already reflected in the content only confirms it. */
export function applyDiff(knowledge: Knowledge, diff: string): EditResult {
  const hunks = parseUnifiedDiff(diff).flatMap((f) => f.hunks);
  if (showsNewSides(knowledge, hunks)) return confirm({ before: knowledge, after: knowledge }, hunks);
  let result: EditResult = { before: knowledge, after: knowledge };
  let offset = 0;
  for (const hunk of hunks) {
    const start = (hunk.oldLines === 0 ? hunk.oldStart + 1 : hunk.oldStart) + offset;
    const step = spliceLines(result.after, start, hunkSide(hunk, "old"), hunkSide(hunk, "new"));
    if (step.error) return { before: knowledge, after: knowledge, error: step.error };
    result = { before: result.before === knowledge ? step.before : result.before, after: step.after };
    offset += hunk.newLines - hunk.oldLines;
  }
  return result;
}
