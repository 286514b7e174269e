/**
 * Chat turns -> steps, one step per turn. Turns come as OpenAI `messages[]` (tool calls in
 * `tool_calls`, results as `role: "tool"`), as messages whose calls are XML written in the text
 * (`<function=bash>…`, results as `user` turns starting `OBSERVATION:`), or as
 * `trajectory[{role: system|user|ai, text, mask}]`.
 */
import type { ObservationPart, Step, StepPart, StepRole, ToolCallPart } from "./episode";
import { editFromToolCall } from "./edits";
import { RecordError } from "./format-module";
import { toolCallFromFunction } from "./function-call";
import {
  asNumber,
  asObject,
  asString,
  contentText,
  requireArray,
  requireObject,
  type JsonObject,
} from "./record-fields";
import { parseXmlFunctionCalls } from "./xml-calls";
import { observationPart } from "./parts";

export type ChatSteps = { steps: Step[]; assistantTurns: number };

const roleAliases: Record<string, StepRole> = {
  system: "system",
  developer: "system",
  user: "user",
  human: "user",
  assistant: "assistant",
  ai: "assistant",
  gpt: "assistant",
  model: "assistant",
  tool: "tool",
  function: "tool",
  ipython: "tool",
};
const observationPrefix = "OBSERVATION:";
/** OpenHands ends bash output with `[Command finished with exit code N]`; only the tail is searched. */
const exitCodeTail = /exit code (-?\d+)\.?\]\s*$/;
const exitCodeTailChars = 80;

/** `field` is the turn list's name (`messages` or `trajectory`), used in error paths. */
export function stepsFromTurns(turns: unknown, field: string): ChatSteps {
  const entries = requireArray(turns, field);
  const steps: Step[] = [];
  const toolNames = new Map<string, string>();
  let lastToolName: string | undefined;
  let assistantTurns = 0;

  entries.forEach((value, i) => {
    const path = `${field}[${i}]`;
    const turn = requireObject(value, path);
    if (typeof turn.role !== "string") throw new RecordError(`${path}.role`, "expected a string");
    const role = roleAliases[turn.role] ?? "environment";
    const text = asString(turn.text) ?? asString(turn.system_prompt) ?? contentText(turn.content);
    const meta = turnMeta(turn, role);

    if (role === "assistant") {
      assistantTurns++;
      const calls = callsOf(turn, text, path);
      for (const call of calls.calls) if (call.id) toolNames.set(call.id, call.name);
      if (calls.calls.length > 0) lastToolName = calls.calls[calls.calls.length - 1].name;
      steps.push(withMeta({ role, parts: assistantParts(turn, calls.text, calls.calls) }, meta));
    } else if (role === "tool" || (role === "user" && isObservation(text))) {
      const toolCallId = asString(turn.tool_call_id);
      const toolName = asString(turn.name) ?? (toolCallId ? toolNames.get(toolCallId) : undefined) ?? lastToolName;
      steps.push(withMeta({ role: "tool", parts: [observation(text, toolCallId, toolName)] }, meta));
    } else {
      steps.push(withMeta({ role, parts: [{ type: "message", text }] }, meta));
    }
  });
  return { steps, assistantTurns };
}

/** Only the head is trimmed: user turns can be megabytes long. */
function isObservation(text: string): boolean {
  return text.slice(0, 64).trimStart().startsWith(observationPrefix);
}

function turnMeta(turn: JsonObject, role: StepRole): JsonObject {
  const meta: JsonObject = {};
  if (role === "environment") meta.sourceRole = turn.role;
  // Training datasets mark which turns are learned from.
  if (typeof turn.mask === "boolean" || asNumber(turn.mask) !== undefined) meta.mask = turn.mask;
  if (asNumber(turn.weight) !== undefined) meta.weight = turn.weight;
  return meta;
}

/** Native `tool_calls` (or the legacy `function_call`), else XML calls written in the text. */
function callsOf(turn: JsonObject, text: string, path: string): { calls: ToolCallPart[]; text: string } {
  const calls: ToolCallPart[] = [];
  if (turn.tool_calls !== undefined && turn.tool_calls !== null) {
    requireArray(turn.tool_calls, `${path}.tool_calls`).forEach((call, j) => {
      calls.push(toolCallFromFunction(requireObject(call, `${path}.tool_calls[${j}]`)));
    });
  }
  const legacy = asObject(turn.function_call);
  if (legacy) calls.push(toolCallFromFunction({ function: legacy }));
  if (calls.length > 0 || !text.includes("<function=")) return { calls, text };
  const parsed = parseXmlFunctionCalls(text);
  return {
    calls: parsed.calls.map((call) => ({ type: "tool_call", name: call.name, arguments: call.arguments })),
    text: parsed.text,
  };
}

function assistantParts(turn: JsonObject, text: string, calls: ToolCallPart[]): StepPart[] {
  const parts: StepPart[] = [];
  const reasoning = asString(turn.reasoning_content) ?? asString(turn.reasoning);
  if (reasoning && reasoning.trim() !== "") parts.push({ type: "reasoning", text: reasoning });
  // Text beside a call is the model's thought; without one it is the answer. An empty turn stays
  // a step so turn counts match the source.
  if (text.trim() !== "" || calls.length === 0) parts.push({ type: calls.length > 0 ? "reasoning" : "message", text });
  for (const call of calls) {
    parts.push(call);
    const edit = call.parseError ? null : editFromToolCall(call.name, call.arguments);
    if (edit) parts.push(edit);
  }
  return parts;
}

function observation(text: string, toolCallId: string | undefined, toolName: string | undefined): ObservationPart {
  const exitCode = exitCodeTail.exec(text.slice(-exitCodeTailChars))?.[1];
  return observationPart(text, { exitCode: exitCode === undefined ? undefined : Number(exitCode), toolCallId, toolName });
}

function withMeta(step: Step, meta: JsonObject): Step {
  return Object.keys(meta).length > 0 ? { ...step, meta } : step;
}
