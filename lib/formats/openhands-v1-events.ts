/**
 * OpenHands V1 (software-agent-sdk) events -> steps. Events are typed by `kind`: the agent's
 * tool calls are `ActionEvent`s carrying the model's own `tool_call`, results are
 * `ObservationEvent`s linked back by `action_id` and `tool_call_id`.
 */
import type { FileEditPart, StepPart, StepRole, ToolCallPart } from "./episode";
import { editFromToolCall } from "./edits";
import { toolCallFromFunction } from "./function-call";
import { pushStep, setIfPresent, skipEvent, textPart, type EventWalk } from "./openhands-walk";
import { asNonBlank, asNumber, asObject, asString, contentText, requireObject, type JsonObject } from "./record-fields";
import { observationPart } from "./parts";

/** State keys whose value says how the run ended. */
const statusKeys = new Set(["execution_status", "agent_status", "agent_state"]);

export function walkV1Events(events: unknown[], path: string, walk: EventWalk): void {
  events.forEach((value, i) => {
    const event = requireObject(value, `${path}[${i}]`);
    const kind = asString(event.kind) ?? "unknown";
    const meta: JsonObject = {};
    setIfPresent(meta, "eventId", event.id);
    const timestamp = asString(event.timestamp);
    const draft = draftOf(kind, event, meta, walk);
    if (draft) pushStep(walk, kind, { ...draft, meta, timestamp });
    else skipEvent(walk, kind);
  });
}

type Draft = { role: StepRole; parts: StepPart[] };

function draftOf(kind: string, event: JsonObject, meta: JsonObject, walk: EventWalk): Draft | null {
  switch (kind) {
    case "SystemPromptEvent": {
      if (Array.isArray(event.tools)) walk.tools = event.tools;
      const prompt = asString(asObject(event.system_prompt)?.text) ?? asString(event.system_prompt);
      return { role: "system", parts: textPart("message", prompt) };
    }
    case "MessageEvent": {
      const message = asObject(event.llm_message) ?? {};
      const role = asString(message.role) ?? asString(event.source);
      const parts = [
        ...textPart("reasoning", asString(message.reasoning_content)),
        ...textPart("message", contentText(message.content)),
      ];
      return { role: role === "user" || role === "system" ? role : "assistant", parts };
    }
    case "ActionEvent":
      return { role: "assistant", parts: actionParts(event, meta, walk) };
    case "ObservationEvent":
    case "AgentErrorEvent":
    case "UserRejectObservation":
      setIfPresent(meta, "cause", event.action_id);
      return { role: "tool", parts: observationParts(kind, event) };
    case "Condensation":
    case "CondensationSummaryEvent":
      meta.kind = "condensation";
      if (Array.isArray(event.forgotten_event_ids)) meta.forgottenEvents = event.forgotten_event_ids.length;
      return { role: "environment", parts: textPart("message", asString(event.summary)) };
    case "ConversationStateUpdateEvent":
      if (statusKeys.has(asString(event.key) ?? "")) walk.lastAgentState = asString(event.value) ?? walk.lastAgentState;
      return null;
    default:
      return null;
  }
}

function actionParts(event: JsonObject, meta: JsonObject, walk: EventWalk): StepPart[] {
  const responseId = asString(event.llm_response_id);
  if (responseId) walk.responseIds.add(responseId);
  const action = asObject(event.action) ?? {};
  const call = toolCall(event, action);
  const thinking = [
    ...textPart("reasoning", asString(event.reasoning_content)),
    ...textPart("reasoning", contentText(event.thought)),
  ];
  // Like V0: `think` and `finish` calls read as reasoning and the final message.
  if (call.name === "think" || action.kind === "ThinkAction") {
    setIfPresent(meta, "toolCallId", call.id);
    return [...thinking, ...textPart("reasoning", asString(action.thought) ?? asString(call.arguments.thought))];
  }
  if (call.name === "finish" || action.kind === "FinishAction") {
    walk.finished = true;
    setIfPresent(meta, "toolCallId", call.id);
    return [...thinking, ...textPart("message", asString(action.message) ?? asString(call.arguments.message))];
  }
  const edit = call.parseError ? null : editFromToolCall(call.name, call.arguments);
  return [...thinking, call, ...(edit ? [edit] : [])];
}

/** `tool_call` is `{id, name, arguments}` in the SDK, `{id, function: {…}}` in OpenAI-shaped copies. */
function toolCall(event: JsonObject, action: JsonObject): ToolCallPart {
  const raw = asObject(event.tool_call);
  const id = asString(event.tool_call_id) ?? asString(raw?.id);
  const name = asString(event.tool_name) ?? asString(raw?.name) ?? asString(action.kind) ?? "";
  if (raw) {
    const fn = asObject(raw.function) ?? { name: raw.name, arguments: raw.arguments };
    const call = toolCallFromFunction({ id, function: fn }, name);
    if (!call.parseError) return { ...call, name };
  }
  const args: JsonObject = {};
  for (const [key, value] of Object.entries(action)) if (key !== "kind") setIfPresent(args, key, value);
  return { type: "tool_call", ...(id ? { id } : {}), name, arguments: args };
}

function observationParts(kind: string, event: JsonObject): StepPart[] {
  const observation = asObject(event.observation) ?? {};
  const error = asNonBlank(observation.error) ?? asNonBlank(event.error) ?? asNonBlank(event.rejection_reason);
  const content = observation.content !== undefined ? contentText(observation.content) : undefined;
  const text = asString(observation.output) ?? content ?? error ?? "";
  const exitCode = asNumber(observation.exit_code) ?? asNumber(asObject(observation.metadata)?.exit_code);
  const isError = kind !== "ObservationEvent" || observation.is_error === true || error !== undefined;
  const toolCallId = asString(event.tool_call_id);
  const toolName = asString(event.tool_name);
  const part = observationPart(text, { exitCode, toolCallId, toolName, isError });
  const edit = isError ? null : editResult(observation);
  return edit ? [part, edit] : [part];
}

/** The SDK's file editor records whole files before and after each change. */
function editResult(observation: JsonObject): FileEditPart | null {
  const path = asString(observation.path);
  const before = asString(observation.old_content);
  const after = asString(observation.new_content);
  if (!path || observation.command === "view" || after === undefined || before === after) return null;
  return { type: "file_edit", path, operation: "patch", ...(before !== undefined ? { before } : {}), after };
}
