/**
 * What one recorded action did to one file, as knowledge before and after: an editor call (with
 * the tool's answer), an edit the source stores, a shell command's named change, a SWE-agent 0.x
 * command. Each returns the operation's name, whether it changed the file, and any error.
 */
import type { FileEditPart } from "@/lib/formats/episode";
import type { EditAction } from "./edit-actions";
import { editFailed, parseListing, type Listing } from "./editor-output";
import { applyView, full, insertLines, replaceLineRange, replaceText, revealAround, unknown, type EditResult, type Knowledge, type Snippet } from "./knowledge";
import { applyDiff, confirm } from "./patch-knowledge";
import { aciFailure, parseWindow, type AciWindow } from "./swe-agent-aci";
import { parseUnifiedDiff } from "./unified";

function snippetOf(listing: Listing | null) {
  return listing?.isSnippet ? { startLine: listing.startLine, lines: listing.lines } : undefined;
}

/**
 * `undo` is what the editor tool itself saves for undo_edit: the text before str_replace and
 * insert, the new text for create (so undoing a create leaves it). Shell and recorded changes
 * are not in the tool's history.
 */
export type Outcome = EditResult & { operation: string; isEdit: boolean; undo?: Knowledge };

/** What an editor call did to its file, from the call, the importer's edit and the tool's answer. */
export function editorOutcome(action: Extract<EditAction, { type: "editor" }>, now: Knowledge, undoStack: Knowledge[]): Outcome | null {
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
    const previous = undoStack.pop();
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
  if (result.error || !snippet || edit.insertLine === undefined) return result;
  const change = { line: edit.insertLine + 1, oldCount: 0, newCount: (edit.newText ?? "").split("\n").length };
  return { ...result, before: revealAround(result.before, snippet, change), after: applyView(result.after, snippet) };
}

export function recordedOutcome(edit: Extract<EditAction, { type: "recorded" }>["edit"], now: Knowledge): Outcome {
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

export function shellOutcome(action: Extract<EditAction, { type: "shell" }>, now: Knowledge): Outcome | null {
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

type AciAction = Extract<EditAction, { type: "aci" }>;

/** The file a SWE-agent 0.x command acts on: the window it printed names it, else the open file. */
export function aciTarget(action: AciAction, openFile: string | null): string | null {
  const window = parseWindow(action.result);
  if (window) return window.path;
  if (action.call.command === "open") return null; // nothing was opened
  return action.call.command === "create" ? action.call.path : openFile;
}

/** A window covering every line is the whole file (SWE-agent counts lines that end in a newline). */
function seeWindow(knowledge: Knowledge, window: AciWindow): Knowledge {
  if (window.startLine === 1 && window.lines.length === window.totalLines) return full(`${window.lines.join("\n")}\n`);
  return applyView(knowledge.kind === "absent" ? unknown : knowledge, { startLine: window.startLine, lines: window.lines });
}

export function aciOutcome(action: AciAction, now: Knowledge): Outcome | null {
  const window = parseWindow(action.result);
  const failure = aciFailure(action.result);
  const { call } = action;
  if (call.command === "open" || call.command === "view") {
    return window ? { operation: call.command, isEdit: false, before: now, after: seeWindow(now, window) } : null;
  }
  if (failure) return { operation: call.command, isEdit: true, before: now, after: now, error: failure };
  if (call.command === "create") return { operation: "create", isEdit: true, before: now, after: window ? seeWindow({ kind: "absent" }, window) : full("\n") };
  const result = replaceLineRange(now, call.start, call.end, call.lines);
  if (result.error || !window) return { ...result, operation: "edit", isEdit: true };
  const change = { line: call.start, oldCount: Math.max(0, call.end - call.start + 1), newCount: call.lines.length };
  return { before: revealAround(result.before, window, change), after: seeWindow(result.after, window), operation: "edit", isEdit: true };
}
