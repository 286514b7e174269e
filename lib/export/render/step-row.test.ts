import { describe, expect, it } from "vitest";
import { isPlainStepRow, parseStepRow, stepRowSchema } from "./step-row";

const row = (parts: unknown[], extra: Record<string, unknown> = {}) => ({ episodeId: 1, idx: 0, role: "assistant", parts, meta: null, ...extra });

const accepted: [string, unknown][] = [
  ["texts", row([{ type: "message", text: "a" }, { type: "reasoning", text: "" }])],
  ["a call", row([{ id: "c1", name: "bash", type: "tool_call", arguments: { command: "ls", n: [1, { x: null }] } }])],
  ["a call that did not parse", row([{ type: "tool_call", name: "x", arguments: { raw: "{" }, parseError: "bad" }])],
  ["an observation", row([{ type: "observation", text: "out", exitCode: null, toolCallId: "c1", toolName: "bash", isError: false }])],
  ["an observation with an exit code", row([{ type: "observation", text: "out", exitCode: 2 }])],
  ["an edit", row([{ type: "file_edit", path: "a.py", operation: "insert", insertLine: 3, newText: "x", oldText: "", newPath: "b", diff: "d", before: "", after: "x" }])],
  ["meta", row([], { meta: { section: "file", path: "a.py" } })],
  ["no parts", row([], { role: "tool" })],
];

const refused: [string, unknown][] = [
  ["an unknown part key (zod strips it)", row([{ type: "message", text: "a", extra: 1 }])],
  ["a message without text", row([{ type: "message" }])],
  ["a text that is not a string", row([{ type: "reasoning", text: 3 }])],
  ["a null optional field", row([{ type: "tool_call", name: "x", arguments: {}, id: null }])],
  ["arguments that are an array", row([{ type: "tool_call", name: "x", arguments: [] }])],
  ["a fractional exit code", row([{ type: "observation", text: "", exitCode: 1.5 }])],
  ["an unknown operation", row([{ type: "file_edit", path: "a", operation: "chmod" }])],
  ["an unknown part type", row([{ type: "image", url: "x" }])],
  ["an unknown role", row([], { role: "robot" })],
  ["meta that is an array", row([], { meta: [] })],
  ["an extra row key", row([], { extra: true })],
  ["an own __proto__ key in arguments", row([{ type: "tool_call", name: "x", arguments: JSON.parse('{"__proto__": {"a": 1}}') }])],
];

describe("isPlainStepRow", () => {
  it.each(accepted)("accepts rows zod returns unchanged: %s", (_name, value) => {
    expect(isPlainStepRow(value)).toBe(true);
    expect(stepRowSchema.parse(value)).toEqual(value);
    expect(parseStepRow(value, 0)).toBe(value);
  });

  it.each(refused)("leaves the rest to zod: %s", (_name, value) => {
    expect(isPlainStepRow(value)).toBe(false);
    const zod = stepRowSchema.safeParse(value);
    if (zod.success) expect(parseStepRow(value, 0)).toEqual(zod.data);
    else expect(() => parseStepRow(value, 0)).toThrow(/Stored episode 1 step 0 does not match the step schema/);
  });
});
