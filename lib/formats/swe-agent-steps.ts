/**
 * SWE-agent `history[]` -> steps. History is the full conversation (system prompt, demos, task,
 * assistant turns with thought + action, observations); `trajectory[]` repeats the same turns,
 * so only its extras (execution time, environment state) are merged into the assistant steps.
 */
import type { Step, StepPart, ToolCallPart } from "./episode";
import { editFromToolCall } from "./edits";
import { RecordError } from "./format-module";
import { toolCallFromFunction } from "./function-call";
import {
  asNumber,
  asObject,
  asObjectOrJson,
  asString,
  contentText,
  isObject,
  requireArray,
  requireObject,
  type JsonObject,
} from "./record-fields";
import { observationPart } from "./parts";

export type SweAgentSteps = { steps: Step[]; unmatchedTrajectorySteps: number };

/** `path` is the field path of the history array, for errors (e.g. `attempts[1].history`). */
export function stepsFromHistory(history: unknown, trajectory: unknown, path: string): SweAgentSteps {
  const entries = requireArray(history, path);
  const extras = trajectoryExtras(trajectory);
  const toolNames = new Map<string, string>();
  const steps: Step[] = [];
  const mainAgent = isObject(entries[0]) ? asString(entries[0].agent) : undefined;
  let lastToolName: string | undefined;
  /** User turns after the first assistant turn are observations, not new instructions. */
  let hasActed = false;
  let matched = 0;

  entries.forEach((value, i) => {
    const entry = requireObject(value, `${path}[${i}]`);
    const role = entry.role;
    if (typeof role !== "string") throw new RecordError(`${path}[${i}].role`, "expected a string");
    const text = contentText(entry.content);
    const meta: JsonObject = {};
    const agent = asString(entry.agent);
    if (agent && agent !== mainAgent) meta.agent = agent;
    const demo = entry.is_demo === true || entry.message_type === "demonstration";
    if (demo) meta.isDemo = true;

    if (role === "assistant") {
      const calls = toolCallsOf(entry);
      const extra = demo ? undefined : extras[matched];
      if (extra && extra.action === asString(entry.action)) {
        matched++;
        Object.assign(meta, extra.meta);
      }
      for (const call of calls) if (call.id) toolNames.set(call.id, call.name);
      if (calls.length > 0) lastToolName = calls[calls.length - 1].name;
      hasActed ||= !demo;
      steps.push(withMeta({ role: "assistant", parts: assistantParts(entry, text, calls) }, meta));
    } else if (role === "tool" || (role === "user" && hasActed && !demo)) {
      const ids = (Array.isArray(entry.tool_call_ids) ? entry.tool_call_ids : []).filter(
        (id): id is string => typeof id === "string",
      );
      if (ids.length > 1) meta.toolCallIds = ids;
      const toolName = ids.length > 0 ? toolNames.get(ids[0]) : lastToolName;
      steps.push(withMeta({ role: "tool", parts: [observation(text, toolName, ids[0])] }, meta));
    } else {
      const stepRole = role === "system" || role === "user" ? role : "environment";
      if (stepRole === "environment") meta.sourceRole = role;
      steps.push(withMeta({ role: stepRole, parts: [{ type: "message", text }] }, meta));
    }
  });
  return { steps, unmatchedTrajectorySteps: extras.length - matched };
}

/** Fallback for files without `history`: each trajectory step is one call and its observation. */
export function stepsFromTrajectory(trajectory: unknown, path: string): Step[] {
  const extras = trajectoryExtras(trajectory);
  const steps: Step[] = [];
  requireArray(trajectory, path).forEach((value, i) => {
    const item = requireObject(value, `${path}[${i}]`);
    const calls = toolCallsOf(item);
    const parts = assistantParts(item, asString(item.response) ?? "", calls);
    steps.push(withMeta({ role: "assistant", parts }, extras[i].meta));
    steps.push({ role: "tool", parts: [observation(contentText(item.observation), calls.at(-1)?.name)] });
  });
  return steps;
}

function assistantParts(entry: JsonObject, content: string, calls: ToolCallPart[]): StepPart[] {
  const parts: StepPart[] = [];
  if (Array.isArray(entry.thinking_blocks)) {
    for (const block of entry.thinking_blocks) {
      const thinking = isObject(block) ? asString(block.thinking) : undefined;
      if (thinking) parts.push({ type: "reasoning", text: thinking });
    }
  }
  // 0.x content repeats the action in a fence; `thought` is the prose alone.
  const thought = asString(entry.thought) ?? content;
  if (thought.trim() !== "") parts.push({ type: calls.length > 0 ? "reasoning" : "message", text: thought });
  for (const call of calls) {
    parts.push(call);
    const edit = editFromToolCall(call.name, call.arguments);
    if (edit) parts.push(edit);
  }
  return parts;
}

function toolCallsOf(entry: JsonObject): ToolCallPart[] {
  if (Array.isArray(entry.tool_calls) && entry.tool_calls.length > 0) {
    return entry.tool_calls.filter(isObject).map((call) => toolCallFromFunction(call));
  }
  const action = asString(entry.action)?.trim();
  if (!action) return [];
  // Text actions are command lines of the agent's tool bundle: `edit 1:1\n…`, `open f.py 10`.
  const name = action.split(/\s/, 1)[0];
  return [{ type: "tool_call", name, arguments: { command: action } }];
}

type TrajectoryExtra = { action: string | undefined; meta: JsonObject };

function trajectoryExtras(trajectory: unknown): TrajectoryExtra[] {
  if (!Array.isArray(trajectory)) return [];
  return trajectory.map((value) => {
    const item = asObject(value) ?? {};
    const meta: JsonObject = {};
    const executionTime = asNumber(item.execution_time);
    if (executionTime !== undefined) meta.executionTime = executionTime;
    const state = asObjectOrJson(item.state);
    if (state) meta.state = state;
    const extraInfo = asObject(item.extra_info);
    if (extraInfo && Object.keys(extraInfo).length > 0) meta.extraInfo = extraInfo;
    return { action: asString(item.action), meta };
  });
}

function observation(text: string, toolName: string | undefined, toolCallId?: string): StepPart {
  return observationPart(text, { toolCallId, toolName });
}

function withMeta(step: Step, meta: JsonObject): Step {
  return Object.keys(meta).length > 0 ? { ...step, meta } : step;
}
