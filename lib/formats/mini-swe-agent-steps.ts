/**
 * mini-swe-agent `messages[]` -> steps. Text mode: the assistant writes one fenced bash block
 * (```bash in 1.x, ```mswea_bash_command in 2.x) and the command output comes back as a user
 * turn `<returncode>N</returncode><output>…`. Tool-call mode (format 1.1): `tool_calls` and
 * `role: "tool"` results. Format 1.1 also carries per-message `extra` (timestamps, costs, return
 * codes) and a final `role: "exit"` message.
 */
import type { ObservationPart, Step, StepPart } from "./episode";
import { RecordError } from "./format-module";
import { toolCallFromFunction } from "./function-call";
import {
  asNumber,
  asObject,
  asString,
  contentText,
  isObject,
  isoFromUnixSeconds,
  requireArray,
  requireObject,
  type JsonObject,
} from "./record-fields";
import { observationPart as buildObservation } from "./parts";

export type MiniSteps = { steps: Step[]; tokensSent: number | null; tokensReceived: number | null };

/** mini-swe-agent's own action regex (re.DOTALL, lazy body). */
const actionBlock = /```(?:bash|mswea_bash_command)\s*\n([\s\S]*?)\n```/g;
const returnCodeTag = /^\s*<returncode>(-?\d+)<\/returncode>/;
/** mini-swe-agent 1.x's default format-error template (2.x marks it in `extra.interrupt_type`). */
const formatErrorOpening = "Please always provide EXACTLY ONE action";
/** Only the head of an observation is searched for the truncation marker (it follows a 5 kB head). */
const truncationScanChars = 12_000;

export function stepsFromMessages(messages: unknown): MiniSteps {
  const entries = requireArray(messages, "messages");
  const steps: Step[] = [];
  const toolNames = new Map<string, string>();
  /** User turns after the first assistant turn are environment feedback, not new instructions. */
  let hasActed = false;
  let tokensSent: number | null = null;
  let tokensReceived: number | null = null;

  entries.forEach((value, i) => {
    const message = requireObject(value, `messages[${i}]`);
    const role = message.role;
    if (typeof role !== "string") throw new RecordError(`messages[${i}].role`, "expected a string");
    const text = contentText(message.content);
    const extra = asObject(message.extra) ?? {};
    const response = asObject(extra.response);
    const timestamp = isoFromUnixSeconds(extra.timestamp) ?? isoFromUnixSeconds(response?.created);
    const meta: JsonObject = {};

    let step: Step;
    if (role === "assistant") {
      const { parts, formatError } = assistantParts(message, text, extra);
      for (const part of parts) if (part.type === "tool_call" && part.id) toolNames.set(part.id, part.name);
      hasActed = true;
      if (formatError) meta.formatError = formatError;
      const cost = asNumber(extra.cost);
      if (cost !== undefined) meta.cost = cost;
      const usage = asObject(response?.usage);
      const prompt = asNumber(usage?.prompt_tokens);
      const completion = asNumber(usage?.completion_tokens);
      if (prompt !== undefined) {
        meta.promptTokens = prompt;
        tokensSent = (tokensSent ?? 0) + prompt;
      }
      if (completion !== undefined) {
        meta.completionTokens = completion;
        tokensReceived = (tokensReceived ?? 0) + completion;
      }
      step = { role: "assistant", parts };
    } else if (role === "tool" || (role === "user" && hasActed)) {
      const toolCallId = asString(message.tool_call_id);
      const toolName = toolCallId ? toolNames.get(toolCallId) : "bash";
      step = { role: "tool", parts: [observationPart(text, extra, toolCallId, toolName)] };
      if (hasTruncationMarker(text)) meta.truncated = true;
    } else if (role === "exit") {
      const exitStatus = asString(extra.exit_status);
      if (exitStatus) meta.exitStatus = exitStatus;
      step = { role: "environment", parts: [{ type: "message", text }] };
    } else {
      const stepRole = role === "system" || role === "user" ? role : "environment";
      if (stepRole === "environment") meta.sourceRole = role;
      step = { role: stepRole, parts: [{ type: "message", text }] };
    }
    if (timestamp) step.timestamp = timestamp;
    if (Object.keys(meta).length > 0) step.meta = meta;
    steps.push(step);
  });
  return { steps, tokensSent, tokensReceived };
}

type AssistantParts = { parts: StepPart[]; formatError?: string };

function assistantParts(message: JsonObject, text: string, extra: JsonObject): AssistantParts {
  const parts: StepPart[] = [];
  const response = asObject(extra.response);
  const choice = Array.isArray(response?.choices) ? asObject(response.choices[0]) : undefined;
  const hidden = asString(message.reasoning_content) ?? asString(asObject(choice?.message)?.reasoning);
  if (hidden && hidden.trim() !== "") parts.push({ type: "reasoning", text: hidden });

  if (Array.isArray(message.tool_calls) && message.tool_calls.length > 0) {
    if (text.trim() !== "") parts.push({ type: "reasoning", text });
    for (const call of message.tool_calls) if (isObject(call)) parts.push(toolCallFromFunction(call, "bash"));
    return { parts };
  }
  const blocks = [...text.matchAll(actionBlock)];
  if (blocks.length === 1) {
    const block = blocks[0];
    const thought = (text.slice(0, block.index) + text.slice(block.index + block[0].length)).trim();
    if (thought !== "") parts.push({ type: "reasoning", text: thought });
    parts.push({ type: "tool_call", name: "bash", arguments: { command: block[1].trim() } });
    return { parts };
  }
  // Not exactly one block: mini-swe-agent executed nothing and answered with a format error.
  if (text.trim() !== "") parts.push({ type: "reasoning", text });
  return { parts, formatError: `expected exactly one action block, found ${blocks.length}` };
}

function observationPart(
  text: string,
  extra: JsonObject,
  toolCallId: string | undefined,
  toolName: string | undefined,
): ObservationPart {
  const exitCode = asNumber(extra.returncode) ?? returnCodeOf(text);
  const isFormatError = extra.interrupt_type === "FormatError" || text.startsWith(formatErrorOpening);
  const isError = isFormatError || typeof extra.exception_info === "string";
  return buildObservation(text, { exitCode, toolCallId, toolName: isFormatError ? undefined : toolName, isError });
}

function returnCodeOf(text: string): number | undefined {
  const match = returnCodeTag.exec(text.slice(0, 64));
  return match ? Number(match[1]) : undefined;
}

function hasTruncationMarker(text: string): boolean {
  const head = text.length > truncationScanChars ? text.slice(0, truncationScanChars) : text;
  return head.includes("<elided_chars>") || head.includes("<output_head>");
}
