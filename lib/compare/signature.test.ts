import { describe, expect, it } from "vitest";
import { stepLikeness, stepSignature, type SignatureInput } from "./signature";

const step = (fields: Partial<SignatureInput>): SignatureInput => ({ idx: 0, kind: "tool_call", toolName: "bash", command: null, path: null, head: "", ...fields });

describe("stepSignature", () => {
  it("keeps the first line of a command, whitespace collapsed", () => {
    const signature = stepSignature(step({ command: "\n  grep   -rn 'Content-Length'  requests/\n| head", head: "THOUGHT: look for it" }));
    expect(signature).toEqual({ idx: 0, kind: "tool_call", tool: "bash", detail: "grep -rn 'Content-Length' requests/" });
  });

  it("names an editor call by its command and path", () => {
    const signature = stepSignature(step({ toolName: "str_replace_editor", command: "view", path: "/testbed/src/app.py", head: "str_replace_editor {…}" }));
    expect(signature.detail).toBe("view /testbed/src/app.py");
  });

  it("skips the bare labels harnesses put first", () => {
    const signature = stepSignature(step({ kind: "observation", head: "OBSERVATION:\nAUTHORS\nLICENSE" }));
    expect(signature.detail).toBe("AUTHORS");
  });

  it("falls back to the first non-blank line of the text, cut at 120 characters", () => {
    const signature = stepSignature(step({ kind: "message", toolName: null, head: `\n\n${"x".repeat(200)}\nsecond` }));
    expect(signature.detail).toBe("x".repeat(120));
  });
});

describe("stepLikeness", () => {
  const bash = (command: string) => stepSignature(step({ command }));
  it("tells the same action, the same kind of action and unrelated steps apart", () => {
    expect(stepLikeness(bash("ls -la"), bash("ls   -la"))).toBe("same");
    expect(stepLikeness(bash("ls -la"), bash("pytest tests"))).toBe("similar");
    expect(stepLikeness(bash("ls -la"), stepSignature(step({ toolName: "python", command: "ls -la" })))).toBe("different");
    expect(stepLikeness(bash("ls -la"), stepSignature(step({ kind: "observation", head: "ls -la" })))).toBe("different");
  });
});
