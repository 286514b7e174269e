/**
 * Every file's content through the episode, replayed from what the trajectory records: editor
 * calls (create, str_replace, insert, undo_edit, and the listings `view` and each edit print),
 * edits the source stores directly (OpenHands whole-file before/after and diffs, pull-request
 * edits), here-documents in shell commands, and the final patch (whose old side is the file at
 * the base commit, whose new side is how it ended). Where the record is silent, the content is
 * unknown and says so: a file first met through str_replace is known only around that edit.
 * A pull-request sample's relevant files give the whole text before its edits.
 */
import { buildActions, type BaseFile, type EditAction, type EditRecord } from "./edit-actions";
import { editFailed, parseListing, type Listing } from "./editor-output";
import { pathIndex, sameFile } from "./file-paths";
import { applyView, full, insertLines, replaceText, spliceLines, unknown, type EditResult, type Knowledge, type Snippet } from "./knowledge";
import { hunkSide, parseUnifiedDiff, type Hunk, type PatchFile } from "./unified";
import type { FileEditPart } from "@/lib/formats/episode";

export type FileState = {
  stepIdx: number;
  /** create, str_replace, insert, write, append, patch, delete, rename, undo_edit, view, touch, shell */
  operation: string;
  /** False for a view: it shows the content, it does not change it. */
  isEdit: boolean;
  /** The content just before this step, with whatever this step reveals about it. */
  before: Knowledge;
  after: Knowledge;
  /** The edit did not happen (the tool refused it, or it cannot apply to what we know). */
  error?: string;
  note?: string;
};

export type FileHistory = {
  path: string;
  aliases: string[];
  /** The file before the first step: the final patch's old side (the base commit), else unknown. */
  initial: Knowledge;
  states: FileState[];
  /** How the final patch says the file ends, on top of the replay; null when the patch does not touch it. */
  final: Knowledge | null;
  /** The final patch contradicts the replayed content: something unrecorded changed the file. */
  finalDisagrees: boolean;
};

export type RepoHistory = { files: FileHistory[] };

type Entry = FileHistory & { undo: Knowledge[] };

function current(entry: Entry): Knowledge {
  return entry.states.at(-1)?.after ?? entry.initial;
}

/** A whole side of a patch (an added file's new side, a deleted file's old side) as file text. */
function wholeSide(file: PatchFile, side: "old" | "new"): string {
  const lines = file.hunks.flatMap((hunk) => hunkSide(hunk, side));
  const last = file.hunks.at(-1);
  const noNewline = side === "old" ? last?.oldNoNewline : last?.newNoNewline;
  return lines.length === 0 ? "" : lines.join("\n") + (noNewline ? "" : "\n");
}

function isMove(file: PatchFile): file is PatchFile & { oldPath: string; newPath: string } {
  return file.oldPath !== null && file.newPath !== null && file.oldPath !== file.newPath;
}

/** The base lines the hunks show (their context and removed lines). */
function oldRegions(file: PatchFile): Knowledge {
  return file.hunks.reduce<Knowledge>((k, hunk) => (hunk.oldLines > 0 ? applyView(k, { startLine: hunk.oldStart, lines: hunkSide(hunk, "old") }) : k), unknown);
}

/** The file at the base commit, as far as the final patch shows it. */
function initialFromPatch(file: PatchFile): Knowledge {
  if (file.oldPath === null) return { kind: "absent" };
  if (file.newPath === null) return full(wholeSide(file, "old"));
  return oldRegions(file);
}

/** How the final patch says the file ends, on top of what the replay knows. */
function finalFromPatch(file: PatchFile, replayed: Knowledge): { final: Knowledge; disagrees: boolean } {
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
function confirm(result: EditResult, hunks: Hunk[]): EditResult {
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
function applyDiff(knowledge: Knowledge, diff: string): EditResult {
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

function snippetOf(listing: Listing | null) {
  return listing?.isSnippet ? { startLine: listing.startLine, lines: listing.lines } : undefined;
}

/**
 * `undo` is what the editor tool itself saves for undo_edit: the text before str_replace and
 * insert, the new text for create (so undoing a create leaves it). Shell and recorded changes
 * are not in the tool's history.
 */
type Outcome = EditResult & { operation: string; isEdit: boolean; undo?: Knowledge };

/** What an editor call did to its file, from the call, the importer's edit and the tool's answer. */
function editorOutcome(action: Extract<EditAction, { type: "editor" }>, entry: Entry): Outcome | null {
  const now = current(entry);
  const { command, viewRange } = action.call;
  const listing = action.result ? parseListing(action.result.text) : null;
  const failure = editFailed(action.result);
  const operation = command;
  if (command === "view") {
    if (!listing || listing.isSnippet || failure) return null;
    const complete = !listing.isClipped && listing.startLine === 1 && (!viewRange || (viewRange[0] <= 1 && viewRange[1] === -1));
    return { operation, isEdit: false, before: now, after: applyView(now, { ...listing, complete }) };
  }
  if (failure) return { operation, isEdit: true, before: now, after: now, error: failure };
  let result: EditResult;
  if (command === "undo_edit") {
    const previous = entry.undo.pop();
    if (!previous) return { operation, isEdit: true, before: now, after: now, error: "nothing recorded to undo" };
    result = { before: now, after: previous };
    if (listing && !listing.isSnippet) result.after = applyView(result.after, { ...listing, complete: !listing.isClipped && listing.startLine === 1 });
    return { ...result, operation, isEdit: true };
  }
  const edit = action.edit;
  const whole = action.resultEdits.find((e) => e.after !== undefined);
  if (whole?.after !== undefined) {
    result = { before: whole.before !== undefined ? full(whole.before) : now, after: full(whole.after) };
  } else if (!edit) return null;
  else {
    result = applyEditorEdit(command, edit, now, snippetOf(listing));
    // The tool reported success where the replayed text says it could not: the text is stale
    // (something unrecorded changed the file), so keep only what this edit itself reveals.
    const reportsSuccess = listing?.isSnippet === true || /has been edited/.test(action.result?.text.slice(0, 500) ?? "");
    if (result.error && reportsSuccess && now.kind === "full") {
      result = { ...applyEditorEdit(command, edit, unknown, snippetOf(listing)), note: "The tool applied this edit, but the replayed text does not allow it: something the trajectory does not record changed the file before. Only what this edit shows is known." };
    }
  }
  if (!result.error) {
    const diffs = action.resultEdits.flatMap((e) => (e.diff ? parseUnifiedDiff(e.diff).flatMap((f) => f.hunks) : []));
    result = confirm(result, diffs);
  }
  return { ...result, operation, isEdit: true, undo: command === "create" ? result.after : result.before };
}

function applyEditorEdit(command: string, edit: FileEditPart, now: Knowledge, snippet: Snippet | undefined): EditResult {
  if (command === "create") return { before: now, after: full(edit.newText ?? "") };
  if (command === "str_replace") return replaceText(now, edit.oldText ?? "", edit.newText ?? "", snippet);
  const result = insertLines(now, edit.insertLine, edit.newText ?? "");
  return !result.error && snippet ? { ...result, after: applyView(result.after, snippet) } : result;
}

function recordedOutcome(edit: Extract<EditAction, { type: "recorded" }>["edit"], now: Knowledge): Outcome {
  const operation = edit.operation;
  const wrap = (result: EditResult): Outcome => ({ ...result, operation, isEdit: true });
  switch (edit.operation) {
    case "create":
    case "write":
      return wrap({ before: edit.before !== undefined ? full(edit.before) : now, after: full(edit.after ?? edit.newText ?? "") });
    case "str_replace":
      return wrap(replaceText(now, edit.oldText ?? "", edit.newText ?? ""));
    case "insert":
      return wrap(insertLines(now, edit.insertLine, edit.newText ?? ""));
    case "delete":
      return wrap({ before: now, after: { kind: "absent" } });
    case "rename":
      return wrap({ before: now, after: { kind: "absent" }, note: edit.newPath ? `Renamed to ${edit.newPath}.` : undefined });
    case "patch":
      if (edit.after !== undefined) return wrap({ before: edit.before !== undefined ? full(edit.before) : now, after: full(edit.after) });
      if (edit.diff) return wrap(applyDiff(now, edit.diff));
      return wrap({ before: now, after: now, error: "the edit records neither the new content nor a diff" });
  }
}

function shellOutcome(action: Extract<EditAction, { type: "shell" }>, now: Knowledge): Outcome | null {
  const { change } = action;
  const wrap = (operation: string, result: EditResult): Outcome => ({ ...result, operation, isEdit: true });
  switch (change.kind) {
    case "write":
      return wrap("write", { before: now, after: full(change.text), note: "Written by a shell command." });
    case "append":
      if (now.kind === "full") return wrap("append", { before: now, after: full(now.text + change.text) });
      if (now.kind === "absent") return wrap("append", { before: now, after: full(change.text) });
      return wrap("append", { before: now, after: { ...now, loose: [...now.loose, change.text] }, note: "Appended to the end of a file whose length is not recorded." });
    case "delete":
      return wrap("delete", { before: now, after: { kind: "absent" } });
    case "touch":
      return now.kind === "absent" ? wrap("touch", { before: now, after: full("") }) : null;
    case "rename":
      return wrap("rename", { before: now, after: { kind: "absent" }, note: `Renamed to ${change.newPath}.` });
    case "opaque":
      return wrap("shell", { before: now, after: unknown, note: `Changed by a shell command (${change.why}); the new content is not recorded.` });
  }
}

/** Replays the records of one episode (see GET /api/episodes/:id/edits) into per-file histories. */
export type ReplayOptions = {
  finalPatch?: string | null;
  /** Whole files as they were before the first step (a pull-request sample's relevant files). */
  baseFiles?: BaseFile[];
};

export function replayEdits(records: EditRecord[], options: ReplayOptions = {}): RepoHistory {
  const index = pathIndex<Entry>((path) => ({ path, aliases: [], initial: unknown, states: [], final: null, finalDisagrees: false, undo: [] }));
  const finalFiles = parseUnifiedDiff(options.finalPatch).filter((f) => !f.isBinary);
  for (const file of finalFiles) {
    if (isMove(file)) {
      // The base file is at the old path; the new path did not exist.
      index.find(file.oldPath, true)!.initial = oldRegions(file);
      index.find(file.newPath, true)!.initial = { kind: "absent" };
    } else index.find(file.path, true)!.initial = initialFromPatch(file);
  }
  for (const file of options.baseFiles ?? []) index.find(file.path, true)!.initial = full(file.content);

  const push = (entry: Entry, stepIdx: number, outcome: Outcome) => {
    const { operation, isEdit, undo, ...result } = outcome;
    entry.states.push({ stepIdx, operation, isEdit, ...result });
    if (undo && !result.error) entry.undo.push(undo);
  };

  for (const action of buildActions(records)) {
    if (action.type === "editor") {
      const entry = index.find(action.call.path, true)!;
      const outcome = editorOutcome(action, entry);
      if (outcome) push(entry, action.stepIdx, outcome);
    } else if (action.type === "recorded") {
      const entry = index.find(action.edit.path, true)!;
      const moved = current(entry);
      push(entry, action.stepIdx, recordedOutcome(action.edit, moved));
      if (action.edit.operation === "rename" && action.edit.newPath) {
        const target = index.find(action.edit.newPath, true)!;
        push(target, action.stepIdx, { operation: "rename", isEdit: true, before: current(target), after: moved, note: `Renamed from ${entry.path}.` });
      }
    } else {
      const { change } = action;
      const tracked = index.find(change.path, false);
      const significant = change.kind === "write" || change.kind === "append" || change.kind === "touch" || (change.kind === "opaque" && change.inPlace);
      const entry = tracked ?? (significant ? index.find(change.path, true) : null);
      if (!entry) continue;
      const moved = current(entry);
      const outcome = shellOutcome(action, moved);
      if (outcome) push(entry, action.stepIdx, outcome);
      if (change.kind === "rename") {
        const target = index.find(change.newPath, true)!;
        push(target, action.stepIdx, { operation: "rename", isEdit: true, before: current(target), after: moved, note: `Renamed from ${entry.path}.` });
      }
    }
  }

  for (const file of finalFiles) {
    const entry = index.find(file.path, false);
    if (!entry) continue;
    const { final, disagrees } = finalFromPatch(file, current(entry));
    entry.final = final;
    entry.finalDisagrees = disagrees;
    if (isMove(file) && file.status === "renamed") index.find(file.oldPath, false)!.final = { kind: "absent" };
  }

  // A view of a directory, or an untracked path a command only mentioned, tells nothing about a file.
  const telling = index.entries.filter((e) => e.states.length > 0 || e.final !== null);
  return { files: telling.map(({ undo: _undo, ...file }) => file) };
}

/** The history of `path` under any of its spellings (absolute in editor calls, relative in the patch). */
export function findFile(history: RepoHistory, path: string): FileHistory | null {
  const exact = history.files.find((f) => f.path === path || f.aliases.includes(path));
  if (exact) return exact;
  const matches = history.files.filter((f) => [f.path, ...f.aliases].some((known) => sameFile(known, path)));
  return matches.length === 1 ? matches[0] : null;
}

export type FileMoment = {
  /** The states of the last step at or before the one asked for that touched the file. */
  states: FileState[];
  /** That step, "end" for the final patch, null while nothing has touched the file yet. */
  changedAt: number | "end" | null;
  /** The content as of the step asked for. */
  knowledge: Knowledge;
  /** The content before `changedAt` (the diff to the previous state). */
  previous: Knowledge;
};

/** The file as of step `stepIdx` (inclusive); `atEnd` reads the final patch on top of the replay. */
export function fileAt(file: FileHistory, stepIdx: number, atEnd = false): FileMoment {
  const upTo = atEnd ? file.states : file.states.filter((s) => s.stepIdx <= stepIdx);
  const last = upTo.at(-1);
  const replayed = last?.after ?? file.initial;
  if (atEnd && file.final) return { states: [], changedAt: "end", knowledge: file.final, previous: replayed };
  if (!last) return { states: [], changedAt: null, knowledge: file.initial, previous: file.initial };
  const states = upTo.filter((s) => s.stepIdx === last.stepIdx);
  return { states, changedAt: last.stepIdx, knowledge: last.after, previous: states[0].before };
}
