import { describe, expect, it } from "vitest";
import { parseXmlFunctionCalls } from "./xml-calls";

describe("parseXmlFunctionCalls", () => {
  it("parses one call and keeps the text around it", () => {
    const parsed = parseXmlFunctionCalls(
      "Let me look around.\n\n<function=bash>\n<parameter=command>ls -la</parameter>\n</function>",
    );
    expect(parsed.calls).toEqual([{ name: "bash", arguments: { command: "ls -la" } }]);
    expect(parsed.text).toBe("Let me look around.");
  });

  it("parses several calls and several parameters", () => {
    const parsed = parseXmlFunctionCalls(
      "<function=file_editor>\n<parameter=command>view</parameter>\n<parameter=path>/testbed/a.py</parameter>\n</function>" +
        "then\n<function=finish>\n</function>",
    );
    expect(parsed.calls).toEqual([
      { name: "file_editor", arguments: { command: "view", path: "/testbed/a.py" } },
      { name: "finish", arguments: {} },
    ]);
    expect(parsed.text).toBe("then");
  });

  it("keeps the whitespace inside a value except the layout newlines", () => {
    const parsed = parseXmlFunctionCalls(
      "<function=str_replace_editor>\n<parameter=old_str>\n    x = 1\n\n</parameter>\n</function>",
    );
    expect(parsed.calls[0].arguments.old_str).toBe("    x = 1\n");
  });

  it("accepts a last call cut off at the stop word", () => {
    const parsed = parseXmlFunctionCalls("Run it.\n<function=bash>\n<parameter=command>pytest -q\n");
    expect(parsed.calls).toEqual([{ name: "bash", arguments: { command: "pytest -q" } }]);
    expect(parsed.text).toBe("Run it.");
  });

  it("treats malformed openings as text", () => {
    const parsed = parseXmlFunctionCalls("a <function=not a name> b");
    expect(parsed.calls).toEqual([]);
    expect(parsed.text).toBe("a <function=not a name> b");
  });

  it("returns the whole text when there is no call", () => {
    expect(parseXmlFunctionCalls("  just thinking  ")).toEqual({ calls: [], text: "just thinking" });
  });

  it("stays linear on adversarial input", () => {
    // Every opening is malformed and shares one distant ">": a naive rescan would be quadratic.
    const hostile = "<function=a b ".repeat(100_000) + ">" + "<parameter=".repeat(100_000);
    const started = performance.now();
    const parsed = parseXmlFunctionCalls(hostile);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(parsed.calls).toEqual([]);
  });
});
