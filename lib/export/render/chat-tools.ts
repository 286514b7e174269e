/**
 * The `tools` of a chat record: one JSON-schema function per tool name the record calls, inferred
 * from the calls themselves (argument keys, JSON types of their values). Sorted by name, keys
 * sorted, so the same calls always give the same definitions. A key is required when every call
 * of the tool passes it. Calls whose source arguments were not a JSON object add only their name.
 */
import type { MessageItem } from "./chat-messages";
import type { ToolDefinition } from "./record";

type ToolShape = { calls: number; keys: Map<string, { count: number; types: Set<string> }> };

export function inferTools(items: readonly MessageItem[]): ToolDefinition[] {
  const tools = new Map<string, ToolShape>();
  for (const item of items) {
    const calls = item.message.tool_calls ?? [];
    calls.forEach((call, n) => {
      const shape = tools.get(call.function.name) ?? { calls: 0, keys: new Map() };
      tools.set(call.function.name, shape);
      shape.calls++;
      for (const [key, value] of Object.entries(item.callArguments[n] ?? {})) {
        const entry = shape.keys.get(key) ?? { count: 0, types: new Set<string>() };
        shape.keys.set(key, entry);
        entry.count++;
        entry.types.add(jsonType(value));
      }
    });
  }
  return [...tools.keys()].sort(compare).map((name) => {
    const shape = tools.get(name)!;
    const keys = [...shape.keys.keys()].sort(compare);
    const properties: Record<string, { type: string | string[] }> = {};
    for (const key of keys) properties[key] = { type: schemaType(shape.keys.get(key)!.types) };
    const required = keys.filter((key) => shape.keys.get(key)!.count === shape.calls);
    return { type: "function", function: { name, parameters: { type: "object", properties, required } } };
  });
}

/** Code-unit order, never locale order: the same on every machine. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function jsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  if (typeof value === "object") return "object";
  return typeof value === "boolean" ? "boolean" : "string";
}

function schemaType(types: Set<string>): string | string[] {
  // An integer is a number: a key seen with both is just "number".
  const list = [...types].filter((t) => !(t === "integer" && types.has("number"))).sort(compare);
  return list.length === 1 ? list[0] : list;
}
