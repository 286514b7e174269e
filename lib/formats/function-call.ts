/** OpenAI-style `tool_calls[]` entries (`{id, function: {name, arguments: "<JSON>"}}`) as tool-call parts. */
import type { ToolCallPart } from "./episode";
import { asObject, asString, isObject, type JsonObject } from "./record-fields";

/** `fallbackName` names calls whose `function.name` is missing (single-tool agents such as mini's bash). */
export function toolCallFromFunction(call: JsonObject, fallbackName = ""): ToolCallPart {
  const fn = asObject(call.function) ?? {};
  const id = asString(call.id);
  const base = { type: "tool_call" as const, name: asString(fn.name) ?? fallbackName, ...(id ? { id } : {}) };
  const raw = fn.arguments;
  if (isObject(raw)) return { ...base, arguments: raw };
  if (raw === undefined || raw === null || (typeof raw === "string" && raw.trim() === "")) {
    return { ...base, arguments: {} };
  }
  if (typeof raw !== "string") {
    return { ...base, arguments: { raw }, parseError: "arguments are neither a string nor an object" };
  }
  try {
    const parsed: unknown = JSON.parse(raw);
    if (isObject(parsed)) return { ...base, arguments: parsed };
    return { ...base, arguments: { raw }, parseError: "arguments are not a JSON object" };
  } catch (error) {
    return { ...base, arguments: { raw }, parseError: error instanceof Error ? error.message : String(error) };
  }
}
