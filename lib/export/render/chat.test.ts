import { describe, expect, it } from "vitest";
import { editFromToolCall } from "@/lib/formats/edits";
import type { StepPart } from "@/lib/formats/episode";
import { call, makeExportEpisode, output, text, thought } from "@/lib/testing/make-export-episode";
import { renderChat } from "./chat";
import type { ChatRecord } from "./record";

const chars = { name: "chars", count: (t: string) => t.length };
const entry = { id: "1-0-0", component: "main", split: "train" as const, copy: 0 };
const whole = { tokenizer: chars, budget: { overLimit: "drop" as const } };

function render(...args: Parameters<typeof makeExportEpisode>): ChatRecord {
  const result = renderChat(makeExportEpisode(...args), entry, whole);
  if ("dropped" in result) throw new Error("dropped");
  return result.record;
}

describe("renderChat", () => {
  it("renders a text-action rollout as OpenAI messages with generated, linked call ids", () => {
    const record = render([
      { role: "system", parts: [text("You are an agent.")] },
      { role: "user", parts: [text("Fix the bug.")] },
      { role: "assistant", parts: [thought("Look first."), call("bash", { command: "ls" })] },
      { role: "tool", parts: [output("a.py")] },
      { role: "assistant", parts: [text("Done.")] },
    ]);
    expect(record.messages).toEqual([
      { role: "system", content: "You are an agent.", weight: 0 },
      { role: "user", content: "Fix the bug.", weight: 0 },
      {
        role: "assistant",
        content: "",
        reasoning_content: "Look first.",
        tool_calls: [{ id: "call_2_0", type: "function", function: { name: "bash", arguments: '{"command":"ls"}' } }],
        weight: 1,
      },
      { role: "tool", content: "a.py", tool_call_id: "call_2_0", name: "bash", weight: 0 },
      { role: "assistant", content: "Done.", weight: 1 },
    ]);
    expect(record.tools).toEqual([
      { type: "function", function: { name: "bash", parameters: { type: "object", properties: { command: { type: "string" } }, required: ["command"] } } },
    ]);
    expect(record.meta).toMatchObject({ episode_id: 1, style: "chat", tokens: expect.any(Number), truncated_at_step: null, dropped_steps: 0, dropped_tool_results: 0 });
  });

  it("links results by the source's ids, in any order, and keeps all reasoning and text", () => {
    const record = render([
      { role: "assistant", parts: [thought("a"), thought("b"), text("c"), call("x", { k: 1 }, "id1"), call("y", { k: "v" }, "id2")] },
      { role: "tool", parts: [output("second", "id2")] },
      { role: "tool", parts: [output("first", "id1")] },
    ]);
    expect(record.messages[0]).toMatchObject({ content: "c", reasoning_content: "a\n\nb" });
    expect(record.messages.slice(1).map((m) => [m.role, m.tool_call_id, m.name, m.content])).toEqual([
      ["tool", "id2", "y", "second"],
      ["tool", "id1", "x", "first"],
    ]);
  });

  it("turns observations without a call into user messages, never orphan tool messages", () => {
    const record = render([
      { role: "user", parts: [text("task")] },
      { role: "tool", parts: [output("no call yet")] },
      { role: "assistant", parts: [call("bash", { command: "ls" }, "c1")] },
      { role: "tool", parts: [output("unknown id", "c9")] },
      { role: "tool", parts: [output("late answer", "c1")] },
      { role: "assistant", parts: [thought("thinking only")] },
      { role: "tool", parts: [output("Your thought has been logged.", "think_1")] },
    ]);
    expect(record.messages.map((m) => [m.role, m.content])).toEqual([
      ["user", "task"],
      ["user", "no call yet"],
      ["assistant", ""],
      ["user", "unknown id"],
      // A user message came between: the call's turn is over, so this is no tool message either.
      ["user", "late answer"],
      ["assistant", ""],
      ["user", "Your thought has been logged."],
    ]);
    expect(record.messages.filter((m) => m.role === "tool")).toEqual([]);
  });

  it("weights: train 1, context 0, and non-assistant messages always 0", () => {
    const record = render([
      { role: "user", parts: [text("task")], mask: "train" },
      { role: "assistant", parts: [call("bash", { command: "a" })], mask: "context" },
      { role: "tool", parts: [output("x")], mask: "train" },
      { role: "assistant", parts: [text("ok")], mask: "train" },
    ]);
    expect(record.messages.map((m) => m.weight)).toEqual([0, 0, 0, 1]);
  });

  it("drops masked steps, the results of a dropped call, and counts both", () => {
    const record = render([
      { role: "user", parts: [text("task")] },
      { role: "assistant", parts: [call("bash", { command: "cat .env" })], mask: "drop" },
      { role: "tool", parts: [output("SECRET=1")] },
      { role: "assistant", parts: [call("a", {}, "p"), call("b", {}, "q")] },
      { role: "tool", parts: [output("pa", "p")], mask: "drop" },
      { role: "tool", parts: [output("qb", "q")] },
    ]);
    expect(record.messages.map((m) => [m.role, m.content])).toEqual([
      ["user", "task"],
      ["assistant", ""],
      ["tool", "qb"],
    ]);
    expect(JSON.stringify(record)).not.toContain("SECRET");
    expect(record.meta).toMatchObject({ dropped_steps: 2, dropped_tool_results: 1 });
  });

  it("renders an edit no call made as the editor call that makes it, losing nothing", () => {
    const edits: StepPart[] = [
      { type: "file_edit", path: "a.py", operation: "str_replace", oldText: "x = 1\n", newText: "x = 2\n" },
      { type: "file_edit", path: "b.py", operation: "create", newText: "print()\n" },
      { type: "file_edit", path: "c.py", operation: "insert", insertLine: 3, newText: "y\n" },
      { type: "file_edit", path: "d.py", operation: "delete" },
      { type: "file_edit", path: "e.py", operation: "rename", newPath: "f.py" },
    ];
    const record = render(edits.map((edit) => ({ role: "assistant" as const, parts: [edit] })));
    const calls = record.messages.map((m) => m.tool_calls![0]);
    expect(calls.map((c) => c.function.name)).toEqual(Array(5).fill("str_replace_editor"));
    const args = calls.map((c) => JSON.parse(c.function.arguments));
    for (const i of [0, 1, 2]) expect(editFromToolCall("str_replace_editor", args[i])).toEqual(edits[i]);
    expect(args[3]).toEqual({ command: "delete", path: "d.py" });
    expect(args[4]).toEqual({ command: "rename", path: "e.py", new_path: "f.py" });
    expect(calls[0].function.arguments).toBe('{"command":"str_replace","new_str":"x = 2\\n","old_str":"x = 1\\n","path":"a.py"}');
  });

  it("does not repeat an edit its call made, nor the environment's record of it", () => {
    const edit: StepPart = { type: "file_edit", path: "a.py", operation: "create", newText: "x" };
    const record = render([
      { role: "assistant", parts: [call("str_replace_editor", { command: "create", path: "a.py", file_text: "x" }, "e1"), edit] },
      { role: "tool", parts: [output("File created.", "e1"), { type: "file_edit", path: "a.py", operation: "patch", diff: "+x" }] },
    ]);
    expect(record.messages).toHaveLength(2);
    expect(record.messages[0].tool_calls).toHaveLength(1);
    expect(record.messages[1]).toMatchObject({ role: "tool", content: "File created.", tool_call_id: "e1" });
  });

  it("keeps unparseable source arguments exactly as written", () => {
    const bad: StepPart = { type: "tool_call", name: "bash", arguments: { raw: '{"command": "ls"' }, parseError: "Unexpected end" };
    const record = render([{ role: "assistant", parts: [bad] }]);
    expect(record.messages[0].tool_calls![0].function.arguments).toBe('{"command": "ls"');
    expect(record.tools[0].function.parameters.properties).toEqual({});
  });

  it("names atelier-pr file snapshots, which no call read", () => {
    const record = render([{ role: "tool", parts: [{ type: "observation", text: "code", toolName: "read_file" }], meta: { section: "file", path: "src/a.py" } }]);
    expect(record.messages).toEqual([{ role: "user", content: "File: src/a.py\n\ncode", weight: 0 }]);
  });

  it("infers tools from every call: sorted names and keys, JSON types, required when always passed", () => {
    const record = render([
      { role: "assistant", parts: [call("zeta", { b: 1, a: "s", c: null }), call("alpha", { n: 1.5, flag: true })] },
      { role: "assistant", parts: [call("zeta", { b: 2.5, a: ["x"] }), call("alpha", { n: 2, o: { k: 1 } })] },
    ]);
    expect(record.tools.map((t) => t.function.name)).toEqual(["alpha", "zeta"]);
    expect(record.tools[0].function.parameters).toEqual({
      type: "object",
      properties: { flag: { type: "boolean" }, n: { type: "number" }, o: { type: "object" } },
      required: ["n"],
    });
    expect(record.tools[1].function.parameters).toEqual({
      type: "object",
      properties: { a: { type: ["array", "string"] }, b: { type: "number" }, c: { type: "null" } },
      required: ["a", "b"],
    });
  });

  it("is byte-identical across runs, with keys in a fixed order", () => {
    const steps = [
      { role: "user" as const, parts: [text("t")] },
      { role: "assistant" as const, parts: [thought("r"), text("m"), call("f", { z: 1, a: { y: 2, b: 3 } }, "i")] },
      { role: "tool" as const, parts: [output("o", "i")] },
    ];
    const a = JSON.stringify(render(steps));
    const b = JSON.stringify(render(structuredClone(steps).reverse().reverse()));
    expect(a).toBe(b);
    const record = JSON.parse(a) as ChatRecord;
    expect(Object.keys(record)).toEqual(["id", "messages", "tools", "meta"]);
    expect(Object.keys(record.messages[1])).toEqual(["role", "content", "reasoning_content", "tool_calls", "weight"]);
    expect(Object.keys(record.messages[2])).toEqual(["role", "content", "tool_call_id", "name", "weight"]);
    expect(record.messages[1].tool_calls![0].function.arguments).toBe('{"a":{"b":3,"y":2},"z":1}');
  });
});
