/**
 * Every file's content through the episode, replayed from what the trajectory records: editor
 * calls (create, str_replace, insert, undo_edit, and the listings `view` and each edit print),
 * edits the source stores directly (OpenHands whole-file before/after and diffs, pull-request
 * edits), here-documents in shell commands, and the final patch (whose old side is the file at
 * the base commit, whose new side is how it ended). Where the record is silent, the content is
 * unknown and says so: a file first met through str_replace is known only around that edit.
 * A pull-request sample's relevant files give the whole text before its edits; SWE-agent 0.x
 * `open`/`edit` commands replay through the windows of the file they print.
 */
import { aciOutcome, aciTarget, editorOutcome, recordedOutcome, shellOutcome, type Outcome } from "./action-outcomes";
import { buildActions, type BaseFile, type EditRecord } from "./edit-actions";
import { pathIndex, sameFile } from "./file-paths";
import { full, unknown, type Knowledge } from "./knowledge";
import { finalFromPatch, initialFromPatch, isMove, oldRegions } from "./patch-knowledge";
import { parseUnifiedDiff } from "./unified";

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

  let openFile: string | null = null; // SWE-agent 0.x edits the file it last opened
  for (const action of buildActions(records)) {
    if (action.type === "aci") {
      const path = aciTarget(action, openFile);
      if (!path) continue;
      if (action.call.command !== "view") openFile = path;
      const entry = index.find(path, true)!;
      const outcome = aciOutcome(action, current(entry));
      if (outcome) push(entry, action.stepIdx, outcome);
    } else if (action.type === "editor") {
      const entry = index.find(action.call.path, true)!;
      const outcome = editorOutcome(action, current(entry), entry.undo);
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
