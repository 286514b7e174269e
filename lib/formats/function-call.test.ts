import { describe, expect, it } from "vitest";
import { toolCallFromFunction } from "./function-call";

describe("toolCallFromFunction", () => {
  it("parses JSON-string arguments and keeps the id", () => {
    expect(toolCallFromFunction({ id: "c1", function: { name: "bash", arguments: '{"command": "ls"}' } })).toEqual({
      type: "tool_call",
      id: "c1",
      name: "bash",
      arguments: { command: "ls" },
    });
  });

  it("accepts object arguments and empty ones", () => {
    expect(toolCallFromFunction({ function: { name: "submit", arguments: { a: 1 } } }).arguments).toEqual({ a: 1 });
    expect(toolCallFromFunction({ function: { name: "submit", arguments: "" } }).arguments).toEqual({});
    expect(toolCallFromFunction({ function: { name: "submit" } })).not.toHaveProperty("parseError");
  });

  it("keeps unparsable or non-object arguments raw with the reason", () => {
    const broken = toolCallFromFunction({ function: { name: "bash", arguments: '{"command": "ls"' } });
    expect(broken.arguments).toEqual({ raw: '{"command": "ls"' });
    expect(broken.parseError).toEqual(expect.any(String));
    expect(toolCallFromFunction({ function: { name: "bash", arguments: "[1]" } })).toMatchObject({
      arguments: { raw: "[1]" },
      parseError: "arguments are not a JSON object",
    });
  });

  it("uses the fallback name when the call has none", () => {
    expect(toolCallFromFunction({ function: { arguments: "{}" } }, "bash").name).toBe("bash");
  });
});
