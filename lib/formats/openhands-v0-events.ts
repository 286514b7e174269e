/**
 * OpenHands V0 events -> steps. An event is an action (`action` + `args`) or an observation
 * (`observation` + `content` + `extras`, `cause` = the action's id). Function-calling agents keep
 * the model's own tool call in `tool_call_metadata.model_response`; it is preferred over `args`,
 * which OpenHands rewrites (an `edit` action's args may lack the command and text entirely).
 */
import type { FileEditPart, StepPart, StepRole, ToolCallPart } from "./episode";
import { editFromToolCall } from "./edits";
import { toolCallFromFunction } from "./function-call";
import { pushStep, setIfPresent, skipEvent, textPart, type EventWalk } from "./openhands-walk";
import { asNonBlank, asNumber, asObject, asString, isObject, requireObject, type JsonObject } from "./record-fields";
import { observationPart } from "./parts";

/** Tool name and argument names OpenHands' CodeAct agent uses for each action. */
const defaultCalls: Record<string, { name: string; keys: string[] }> = {
  run: { name: "execute_bash", keys: ["command", "is_input", "timeout"] },
  run_ipython: { name: "execute_ipython_cell", keys: ["code"] },
  edit: { name: "str_replace_editor", keys: ["command", "path", "file_text", "old_str", "new_str", "insert_line"] },
  read: { name: "str_replace_editor", keys: ["path", "view_range"] },
  write: { name: "write", keys: ["path", "content"] },
  browse: { name: "browser", keys: ["url"] },
  browse_interactive: { name: "browser", keys: ["browser_actions"] },
};
/** Args that describe the call's bookkeeping, not what the model asked for. */
const bookkeepingArgs = new Set([
  "thought",
  "impl_source",
  "confirmation_state",
  "security_risk",
  "hidden",
  "blocking",
  "is_static",
  "cwd",
]);
const statelessActions = new Set(["change_agent_state", "null"]);
const errorObservations = new Set(["error", "loop_detection"]);

export function walkV0Events(events: unknown[], path: string, walk: EventWalk): void {
  /** Tool name of each action by event id, for observations that lack `tool_call_metadata`. */
  const toolNames = new Map<unknown, string>();
  events.forEach((value, i) => {
    const event = requireObject(value, `${path}[${i}]`);
    const meta: JsonObject = {};
    setIfPresent(meta, "eventId", event.id);
    setIfPresent(meta, "cause", event.cause);
    const timestamp = asString(event.timestamp);
    const action = asString(event.action);
    const observation = asString(event.observation);
    if (action !== undefined) {
      if (statelessActions.has(action)) return skipEvent(walk, action);
      const draft = actionDraft(action, event, meta, walk);
      const call = draft.parts.find((p): p is ToolCallPart => p.type === "tool_call");
      if (call && event.id !== undefined) toolNames.set(event.id, call.name);
      pushStep(walk, action, { ...draft, meta, timestamp });
    } else if (observation !== undefined) {
      if (observation === "agent_state_changed") {
        walk.lastAgentState = asString(asObject(event.extras)?.agent_state) ?? walk.lastAgentState;
        return skipEvent(walk, observation);
      }
      if (observation === "null") return skipEvent(walk, observation);
      const draft = observationDraft(observation, event, meta, toolNames.get(event.cause));
      pushStep(walk, observation, { ...draft, meta, timestamp });
    } else {
      skipEvent(walk, "unknown");
    }
  });
}

type Draft = { role: StepRole; parts: StepPart[] };

function actionDraft(action: string, event: JsonObject, meta: JsonObject, walk: EventWalk): Draft {
  const args = asObject(event.args) ?? {};
  const role = roleOfSource(event.source);
  const message = asString(event.message);
  const thought = asString(args.thought);
  const callMeta = asObject(event.tool_call_metadata);
  recordUsage(callMeta, meta, walk);
  switch (action) {
    case "system":
      if (Array.isArray(args.tools)) walk.tools = args.tools;
      walk.agentClass ??= asString(args.agent_class) ?? null;
      walk.openhandsVersion ??= asString(args.openhands_version) ?? null;
      return { role: "system", parts: textPart("message", asString(args.content) ?? message) };
    case "message":
      if (Array.isArray(args.image_urls) && args.image_urls.length > 0) meta.imageUrls = args.image_urls;
      return { role, parts: textPart("message", asString(args.content) ?? message) };
    case "think":
      // A think or finish *tool call* becomes reasoning or a message; the id stays for re-export.
      setIfPresent(meta, "toolCallId", asString(callMeta?.tool_call_id));
      return { role, parts: textPart("reasoning", thought ?? message) };
    case "finish": {
      walk.finished = true;
      setIfPresent(meta, "toolCallId", asString(callMeta?.tool_call_id));
      setIfPresent(meta, "taskCompleted", args.task_completed);
      const final = asNonBlank(args.final_thought) ?? asNonBlank(asObject(args.outputs)?.content) ?? message;
      const reasoning = thought !== final ? textPart("reasoning", thought) : [];
      return { role, parts: [...reasoning, ...textPart("message", final)] };
    }
    case "recall":
      meta.kind = "recall";
      setIfPresent(meta, "recallType", args.recall_type);
      return { role, parts: textPart("message", asString(args.query) ?? message) };
    case "condensation":
      meta.kind = "condensation";
      if (Array.isArray(args.forgotten_event_ids)) meta.forgottenEvents = args.forgotten_event_ids.length;
      return { role, parts: textPart("message", asNonBlank(args.summary) ?? message) };
    default: {
      const call = toolCall(action, args, callMeta);
      const edit = fileEditOf(action, call);
      return { role, parts: [...textPart("reasoning", thought), call, ...(edit ? [edit] : [])] };
    }
  }
}

function observationDraft(kind: string, event: JsonObject, meta: JsonObject, actionTool: string | undefined): Draft {
  const text = asString(event.content) ?? asString(event.message) ?? "";
  const extras = asObject(event.extras) ?? {};
  const callMeta = asObject(event.tool_call_metadata);
  if (kind === "recall") {
    meta.kind = "recall";
    setIfPresent(meta, "recallType", extras.recall_type);
    return { role: "environment", parts: textPart("message", text) };
  }
  const toolCallId = asString(callMeta?.tool_call_id);
  const toolName = asString(callMeta?.function_name) ?? actionTool;
  const exitCode = asNumber(asObject(extras.metadata)?.exit_code) ?? asNumber(extras.exit_code);
  const isError = errorObservations.has(kind) || ((kind === "edit" || kind === "read") && text.startsWith("ERROR:"));
  const part = observationPart(text, { exitCode, toolCallId, toolName, isError });
  const edit = kind === "edit" && !isError ? editResult(extras, text) : null;
  const isToolResult = callMeta !== undefined || event.cause !== undefined || errorObservations.has(kind);
  return { role: isToolResult ? "tool" : "environment", parts: edit ? [part, edit] : [part] };
}

function roleOfSource(source: unknown): StepRole {
  if (source === "user") return "user";
  if (source === "environment") return "environment";
  return "assistant";
}

/** The model's own call when the metadata keeps it, else one rebuilt from the action's args. */
function toolCall(action: string, args: JsonObject, callMeta: JsonObject | undefined): ToolCallPart {
  const id = asString(callMeta?.tool_call_id);
  const functionName = asString(callMeta?.function_name);
  const original = modelToolCall(callMeta, id);
  if (original && !original.parseError) return { ...original, name: functionName ?? original.name };
  const known = defaultCalls[action];
  const picked: JsonObject = {};
  if (known) {
    for (const key of known.keys) setIfPresent(picked, key, args[key]);
    if (action === "read") picked.command = "view";
  } else {
    for (const [key, value] of Object.entries(args)) if (!bookkeepingArgs.has(key)) setIfPresent(picked, key, value);
  }
  return { type: "tool_call", ...(id ? { id } : {}), name: functionName ?? known?.name ?? action, arguments: picked };
}

function modelToolCall(callMeta: JsonObject | undefined, id: string | undefined): ToolCallPart | undefined {
  const choices = asObject(callMeta?.model_response)?.choices;
  if (!id || !Array.isArray(choices)) return undefined;
  for (const choice of choices) {
    const calls = asObject(asObject(choice)?.message)?.tool_calls;
    if (!Array.isArray(calls)) continue;
    const call = calls.find((c) => isObject(c) && c.id === id);
    if (isObject(call)) return toolCallFromFunction(call);
  }
  return undefined;
}

function fileEditOf(action: string, call: ToolCallPart): FileEditPart | null {
  if (call.parseError) return null;
  if (action === "write") {
    const path = asString(call.arguments.path);
    const content = asString(call.arguments.content);
    return path && content !== undefined ? { type: "file_edit", path, operation: "write", newText: content } : null;
  }
  const edit = editFromToolCall(call.name, call.arguments);
  return edit ?? (action === "edit" ? editFromToolCall("edit", call.arguments) : null);
}

/**
 * What an edit observation records. With OpenHands' default editor (`impl_source: oh_aci`),
 * `old_content`/`new_content` only repeat the call's `old_str`/`new_str`, so just the diff is
 * kept; the LLM-based editor stores whole files, which become before/after.
 */
function editResult(extras: JsonObject, text: string): FileEditPart | null {
  const path = asString(extras.path);
  if (!path) return null;
  // Older runs put the diff in the observation text itself.
  const diff = asNonBlank(extras.diff) ?? (text.startsWith("--- ") ? text : undefined);
  const wholeFiles = extras.impl_source === "llm_based_edit";
  const before = wholeFiles ? asString(extras.old_content) : undefined;
  const after = wholeFiles ? asString(extras.new_content) : undefined;
  if (diff === undefined && before === undefined && after === undefined) return null;
  return {
    type: "file_edit",
    path,
    operation: "patch",
    ...(diff !== undefined ? { diff } : {}),
    ...(before !== undefined ? { before } : {}),
    ...(after !== undefined ? { after } : {}),
  };
}

/** Token usage of each LLM response, counted once even when it issued several actions. */
function recordUsage(callMeta: JsonObject | undefined, meta: JsonObject, walk: EventWalk): void {
  const response = asObject(callMeta?.model_response);
  const responseId = asString(response?.id);
  if (!response || !responseId || walk.responseIds.has(responseId)) return;
  walk.responseIds.add(responseId);
  walk.model ??= asString(response.model) ?? null;
  const usage = asObject(response.usage) ?? {};
  const prompt = asNumber(usage.prompt_tokens);
  const completion = asNumber(usage.completion_tokens);
  if (prompt !== undefined) {
    meta.promptTokens = prompt;
    walk.tokensSent = (walk.tokensSent ?? 0) + prompt;
  }
  if (completion !== undefined) {
    meta.completionTokens = completion;
    walk.tokensReceived = (walk.tokensReceived ?? 0) + completion;
  }
}
