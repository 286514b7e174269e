/**
 * The trajectory's parts regrouped into file actions: an editor call with the edit the importer
 * read from it and the observation that answered it (a listing, an error, the tool's own diff or
 * whole-file before/after), a recorded edit with no call (pull-request samples, OpenHands
 * `write`), or a file change a shell command names.
 */
import type { FileEditPart, ObservationPart, StepPart, ToolCallPart } from "@/lib/formats/episode";
import { shellChanges, type ShellChange } from "./shell-edits";
import { aciCallOf, type AciCall } from "./swe-agent-aci";

/** One part of one step, as GET /api/episodes/:id/edits returns them. */
export type EditRecord = { stepIdx: number; part: StepPart };

/** A whole file as it was before the first step. */
export type BaseFile = { path: string; content: string };

/**
 * What GET /api/episodes/:id/edits answers: the records, the final patch, the files a
 * pull-request sample gives before its edits, and `truncated` when big listings were left out.
 */
export type EpisodeEdits = { edits: EditRecord[]; finalPatch: string | null; baseFiles: BaseFile[]; truncated: boolean };

export type EditorCall = { command: string; path: string; viewRange: [number, number] | null };

export type EditAction =
  | {
      type: "editor";
      stepIdx: number;
      call: EditorCall;
      callPart: ToolCallPart;
      callId?: string;
      toolName: string;
      /** The edit the importer derived from the call (none for view and undo_edit). */
      edit: FileEditPart | null;
      result?: ObservationPart;
      resultStepIdx?: number;
      /** Edits the answer carries (OpenHands: the tool's diff, or whole files before/after). */
      resultEdits: FileEditPart[];
    }
  | {
      type: "aci";
      stepIdx: number;
      call: AciCall;
      callPart: ToolCallPart;
      callId?: string;
      toolName: string;
      result?: ObservationPart;
      resultStepIdx?: number;
    }
  | { type: "recorded"; stepIdx: number; edit: FileEditPart }
  | { type: "shell"; stepIdx: number; change: ShellChange; command: string; callPart: ToolCallPart };

const editorCommands = new Set(["view", "create", "str_replace", "insert", "undo_edit"]);
/** Tools that run a shell command (their output never tells a file's content). */
export const shellToolNames = ["bash", "execute_bash", "run", "shell", "terminal", "run_command", "execute_command", "cmd"];
const shellTools = new Set(shellToolNames);

function editorCallOf(call: ToolCallPart): EditorCall | null {
  const { command, path, view_range: range } = call.arguments;
  if (typeof path !== "string" || typeof command !== "string" || !editorCommands.has(command)) return null;
  const numbers = Array.isArray(range) ? range.map(Number) : null;
  const viewRange = numbers && numbers.length === 2 && numbers.every(Number.isInteger) ? (numbers as [number, number]) : null;
  return { command, path, viewRange };
}

function isShellTool(name: string | undefined): boolean {
  return name !== undefined && shellTools.has(name);
}

/** SWE-agent 0.x's own commands: never shell, even when their text holds `>` (replacement code does). */
const aciCommands = new Set(["open", "create", "edit", "goto", "scroll_up", "scroll_down", "search_file", "search_dir", "find_file", "submit"]);

/**
 * The shell command a call runs: a shell tool's, or (SWE-agent 0.x, where every action is a
 * command line and the tool is named after its first word) the call's whole command line.
 */
function shellCommandOf(call: ToolCallPart): string | null {
  const command = call.arguments.command ?? call.arguments.cmd;
  if (typeof command !== "string" || call.arguments.path !== undefined) return null;
  if (isShellTool(call.name)) return command;
  const isCommandLine = command === call.name || command.startsWith(`${call.name} `) || command.startsWith(`${call.name}\n`);
  return isCommandLine && !aciCommands.has(call.name) ? command : null;
}

type EditorAction = Extract<EditAction, { type: "editor" }>;
/** An action that waits for the tool's answer. */
type CallAction = Extract<EditAction, { type: "editor" | "aci" }>;

/**
 * Groups records (fed in step order) into actions, pairing each editor call with its answer: by
 * tool call id when the source has ids, else the oldest unanswered call of the same tool.
 */
export function actionBuilder() {
  const actions: EditAction[] = [];
  const awaiting: CallAction[] = [];
  let step = -1;
  let calledHere: EditorAction[] = [];
  let answeredHere: EditorAction | null = null;

  function answer(part: ObservationPart, stepIdx: number) {
    const byId = part.toolCallId ? awaiting.findIndex((a) => a.callId === part.toolCallId) : -1;
    const usesIds = part.toolCallId !== undefined && awaiting.some((a) => a.callId !== undefined);
    const index = byId >= 0 || usesIds ? byId : awaiting.findIndex((a) => !part.toolName || a.toolName === part.toolName);
    if (index < 0) return;
    const action = awaiting[index];
    action.result = part;
    action.resultStepIdx = stepIdx;
    awaiting.splice(index, 1);
    answeredHere = action.type === "editor" ? action : null;
  }

  function add({ stepIdx, part }: EditRecord) {
    if (stepIdx !== step) {
      step = stepIdx;
      calledHere = [];
      answeredHere = null;
    }
    if (part.type === "tool_call") {
      const call = editorCallOf(part);
      if (call) {
        const action: EditorAction = { type: "editor", stepIdx, call, callPart: part, toolName: part.name, edit: null, resultEdits: [], ...(part.id ? { callId: part.id } : {}) };
        actions.push(action);
        awaiting.push(action);
        calledHere.push(action);
        return;
      }
      const aci = aciCallOf(part);
      if (aci) {
        const action: CallAction = { type: "aci", stepIdx, call: aci, callPart: part, toolName: part.name, ...(part.id ? { callId: part.id } : {}) };
        actions.push(action);
        awaiting.push(action);
        return;
      }
      const command = shellCommandOf(part);
      if (command) for (const change of shellChanges(command)) actions.push({ type: "shell", stepIdx, change, command, callPart: part });
    } else if (part.type === "observation") answer(part, stepIdx);
    else if (part.type === "file_edit") {
      const caller = calledHere.find((a) => a.edit === null && a.call.path === part.path && a.call.command !== "view" && a.call.command !== "undo_edit");
      const answered = answeredHere as EditorAction | null;
      if (caller) caller.edit = part;
      else if (answered && answered.call.path === part.path) answered.resultEdits.push(part);
      else actions.push({ type: "recorded", stepIdx, edit: part });
    }
  }

  return { add, actions };
}

export function buildActions(records: Iterable<EditRecord>): EditAction[] {
  const builder = actionBuilder();
  for (const record of records) builder.add(record);
  return builder.actions;
}

/** The fewest records that rebuild the same actions, in step order (what the edits endpoint sends). */
export function actionRecords(actions: EditAction[]): EditRecord[] {
  const records: EditRecord[] = [];
  const seen = new Set<StepPart>();
  const push = (stepIdx: number, part: StepPart) => {
    if (seen.has(part)) return;
    seen.add(part);
    records.push({ stepIdx, part });
  };
  for (const action of actions) {
    if (action.type === "recorded") push(action.stepIdx, action.edit);
    else if (action.type === "shell") push(action.stepIdx, action.callPart);
    else {
      push(action.stepIdx, action.callPart);
      if (action.type === "editor" && action.edit) push(action.stepIdx, action.edit);
      if (action.result && action.resultStepIdx !== undefined) {
        push(action.resultStepIdx, action.result);
        if (action.type === "editor") for (const edit of action.resultEdits) push(action.resultStepIdx, edit);
      }
    }
  }
  // Stable: parts of one step keep the order they were added in, which is their order in the step.
  return records.map((record, order) => ({ record, order })).sort((a, b) => a.record.stepIdx - b.record.stepIdx || a.order - b.order).map(({ record }) => record);
}
