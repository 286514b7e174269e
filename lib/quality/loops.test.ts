import { describe, expect, it } from "vitest";
import type { Step } from "@/lib/formats/episode";
import { collectActions } from "./actions";
import { detectLoop } from "./loops";

const call = (command: string, thought?: string): Step => ({
  role: "assistant",
  parts: [
    ...(thought ? [{ type: "message" as const, text: thought }] : []),
    { type: "tool_call", name: "bash", arguments: { command } },
  ],
});
const obs = (text: string, exitCode: number | null = 0): Step => ({
  role: "tool",
  parts: [{ type: "observation", text, exitCode }],
});
const say = (text: string): Step => ({ role: "assistant", parts: [{ type: "message", text }] });
const user = (text: string): Step => ({ role: "user", parts: [{ type: "message", text }] });
const times = (n: number, make: (i: number) => Step[]): Step[] => Array.from({ length: n }, (_, i) => make(i)).flat();

describe("detectLoop: repeated action + observation", () => {
  it("flags 4 identical consecutive pairs", () => {
    const steps = [user("fix it"), ...times(4, () => [call("ls"), obs("a.py")])];
    expect(detectLoop(steps)).toEqual({ kind: "repeated_action_observation", startStep: 1, endStep: 8 });
  });
  it("extends the span over the whole run", () => {
    const steps = [...times(6, () => [call("ls"), obs("a.py")]), call("cat a.py"), obs("x")];
    expect(detectLoop(steps)).toEqual({ kind: "repeated_action_observation", startStep: 0, endStep: 11 });
  });
  it("does not flag 3 pairs", () => {
    expect(detectLoop([...times(3, () => [call("ls"), obs("a.py")]), call("cat a.py"), obs("x")])).toBeNull();
  });
  it("does not flag identical actions whose observations change (a growing log)", () => {
    expect(detectLoop(times(5, (i) => [call("tail log"), obs(`line ${i}`)]))).toBeNull();
  });
  it("compares long observations by hash, not by a prefix", () => {
    const long = "x".repeat(100_000);
    const steps = [...times(3, () => [call("cat big"), obs(long)]), call("cat big"), obs(`${long}y`)];
    expect(detectLoop(steps)).toBeNull();
    expect(detectLoop(times(4, () => [call("cat big"), obs(long)]))?.kind).toBe("repeated_action_observation");
  });
  it("treats argument key order as the same action", () => {
    const a: Step = { role: "assistant", parts: [{ type: "tool_call", name: "view", arguments: { path: "a", line: 1 } }] };
    const b: Step = { role: "assistant", parts: [{ type: "tool_call", name: "view", arguments: { line: 1, path: "a" } }] };
    expect(detectLoop([a, obs("x"), b, obs("x"), a, obs("x"), b, obs("x")])?.kind).toBe("repeated_action_observation");
  });
});

describe("detectLoop: repeated action ending in an error", () => {
  it("flags 3 identical failing actions even with different error texts", () => {
    const steps = times(3, (i) => [call("pytest"), obs(`E ${i}`, 1)]);
    expect(detectLoop(steps)).toEqual({ kind: "repeated_action_error", startStep: 0, endStep: 5 });
  });
  it("counts isError observations as errors", () => {
    const err = (i: number): Step => ({ role: "tool", parts: [{ type: "observation", text: `bad ${i}`, isError: true }] });
    expect(detectLoop(times(3, (i) => [call("edit"), err(i)]))?.kind).toBe("repeated_action_error");
  });
  it("does not flag when one of the three succeeds", () => {
    expect(detectLoop([call("pytest"), obs("E", 1), call("pytest"), obs("ok", 0), call("pytest"), obs("E", 1)])).toBeNull();
  });
  it("does not flag two failures", () => {
    expect(detectLoop([call("pytest"), obs("E", 2), call("pytest"), obs("E2", 2), call("ls"), obs("a", 0)])).toBeNull();
  });
});

describe("detectLoop: repeated agent message", () => {
  it("flags 3 identical assistant texts in a row", () => {
    const steps = [user("go"), ...times(3, () => [say("I will now fix the bug."), user("continue")])];
    expect(detectLoop(steps)).toEqual({ kind: "repeated_message", startStep: 1, endStep: 5 });
  });
  it("counts reasoning as agent text (mini-swe-agent files its THOUGHT there)", () => {
    const think: Step = { role: "assistant", parts: [{ type: "reasoning", text: "THOUGHT: retry" }] };
    expect(detectLoop([think, user("?"), think, user("?"), think])?.kind).toBe("repeated_message");
  });
  it("does not flag the same text driving different calls", () => {
    expect(detectLoop(times(3, (i) => [call(`sed -n ${i}p f`, "Let me look."), obs(`line ${i}`)]))).toBeNull();
  });
  it("does not flag two repeats", () => {
    expect(detectLoop([say("same"), user("?"), say("same"), user("?"), say("other")])).toBeNull();
  });
});

describe("detectLoop: A/B alternation", () => {
  it("flags ABABAB with identical observations", () => {
    const steps = times(3, () => [call("cat a"), obs("A"), call("cat b"), obs("B")]);
    expect(detectLoop(steps)).toEqual({ kind: "alternating_actions", startStep: 0, endStep: 11 });
  });
  it("does not flag ABABA", () => {
    const steps = [...times(2, () => [call("cat a"), obs("A"), call("cat b"), obs("B")]), call("cat a"), obs("A")];
    expect(detectLoop(steps)).toBeNull();
  });
  it("does not flag an alternation whose observations change (edit, test, edit, test)", () => {
    const steps = times(3, (i) => [call("apply fix"), obs(`patched v${i}`), call("pytest"), obs(`${i} failed`, 1)]);
    expect(detectLoop(steps)).toBeNull();
  });
});

describe("detectLoop: context window errors", () => {
  const overflow = "Error: This model's maximum context length is 8192 tokens. However, you requested 9000.";
  it("flags two context-length errors", () => {
    const steps = [call("cat big"), obs(overflow, null), call("cat other"), obs("ok"), call("cat big2"), obs(overflow, 1)];
    expect(detectLoop(steps)).toEqual({ kind: "context_window_errors", startStep: 1, endStep: 5 });
  });
  it("does not flag a single one", () => {
    expect(detectLoop([call("cat big"), obs(overflow, null), call("ls"), obs("a")])).toBeNull();
  });
  it("ignores successful command output that merely mentions it (grep over source)", () => {
    expect(detectLoop([call("grep -r context a"), obs(overflow, 0), call("grep -r context b"), obs(overflow, 0)])).toBeNull();
  });
});

describe("detectLoop: ordinary work", () => {
  it("does not flag an edit-test loop re-running the same test command", () => {
    const steps = times(13, (i) => [call(`sed -i 's/v${i}/v${i + 1}/' f.py`), obs(""), call("python3 reproduce_issue.py"), obs("FAIL", 1)]);
    expect(detectLoop(steps)).toBeNull();
  });
  it("returns the earliest loop when several exist", () => {
    const steps = [...times(3, () => [say("same"), user("?")]), ...times(4, () => [call("ls"), obs("a")])];
    expect(detectLoop(steps)?.kind).toBe("repeated_message");
  });
  it("handles empty and observation-only episodes", () => {
    expect(detectLoop([])).toBeNull();
    expect(detectLoop(times(5, () => [obs("x")]))).toBeNull();
  });
});

describe("collectActions", () => {
  it("pairs parallel calls with their results by tool call id", () => {
    const steps: Step[] = [
      {
        role: "assistant",
        parts: [
          { type: "tool_call", id: "c1", name: "bash", arguments: { command: "ls" } },
          { type: "tool_call", id: "c2", name: "bash", arguments: { command: "false" } },
        ],
      },
      { role: "tool", parts: [{ type: "observation", text: "", exitCode: 1, toolCallId: "c2" }] },
      { role: "tool", parts: [{ type: "observation", text: "a.py", exitCode: 0, toolCallId: "c1" }] },
    ];
    const [ls, fail] = collectActions(steps);
    expect([ls.observationStep, ls.isError, fail.observationStep, fail.isError]).toEqual([2, false, 1, true]);
  });
  it("does not credit a late observation to an earlier action", () => {
    const steps = [call("ls"), call("pwd"), obs("/repo")];
    expect(collectActions(steps).map((a) => a.observationStep)).toEqual([null, 2]);
  });
});
