import { describe, expect, it } from "vitest";
import { hasFixtures, readFixtureJson } from "@/lib/testing/fixtures";
import { normalizedEpisodeSchema, type NormalizedEpisode, type ToolCallPart } from "./episode";
import { miniSweAgentFormat } from "./mini-swe-agent";

function parseOne(record: unknown, fileName: string): NormalizedEpisode {
  const result = miniSweAgentFormat.parse(record, { fileName, location: 1 });
  if (result.type !== "episodes") throw new Error("expected episodes");
  expect(result.episodes).toHaveLength(1);
  return normalizedEpisodeSchema.parse(result.episodes[0]);
}

function commands(episode: NormalizedEpisode): string[] {
  return episode.steps
    .flatMap((s) => s.parts)
    .filter((p): p is ToolCallPart => p.type === "tool_call")
    .map((p) => String(p.arguments.command));
}

describe.skipIf(!hasFixtures)("mini-swe-agent fixtures", () => {
  const f05 = "05_mini-swe-agent-1_django__django-15731.traj.json";
  const f07 = "07_mini-swe-agent-1_django__django-16950.traj.json";
  const f09 = "09_mini-swe-agent-1_psf__requests-1142_HUGE.traj.json";

  it("05: one step per message, bash blocks as calls, returncodes as observations", () => {
    const episode = parseOne(readFixtureJson(f05), f05);
    expect(episode.formatVersion).toBe("mini-swe-agent-1");
    expect(episode.agent).toBe("mini-swe-agent");
    expect(episode.model).toBe("google/gemini-3-pro-preview");
    expect(episode.meta.miniVersion).toBe("1.15.0");
    expect(episode.instanceId).toBe("django__django-15731");
    expect(episode.repo).toBe("django/django");
    expect(episode.steps).toHaveLength(60);
    expect(episode.sourceMetrics.apiCalls).toBe(29);
    expect(episode.sourceMetrics.costUsd).toBeCloseTo(0.157, 3);
    expect(episode.sourceMetrics.tokensSent).toBeGreaterThan(0);
    expect(episode.outcome.exitStatusRaw).toBe("Submitted");
    expect(episode.outcome.error).toBeNull();
    expect(episode.finalPatch?.startsWith("diff --git a/django/db/models/manager.py")).toBe(true);
    expect(episode.taskText?.startsWith("inspect.signature() returns incorrect signature on manager methods.")).toBe(true);
    expect(episode.taskText?.includes("<instructions>")).toBe(false);

    const [system, task, firstCall, firstResult] = episode.steps;
    expect(system.role).toBe("system");
    expect(task.role).toBe("user");
    expect(task.parts[0]).toMatchObject({ type: "message" });
    expect(firstCall.role).toBe("assistant");
    expect(firstCall.parts.map((p) => p.type)).toEqual(["reasoning", "reasoning", "tool_call"]);
    expect(firstCall.parts[1]).toEqual({
      type: "reasoning",
      text: "THOUGHT: I need to verify the current directory and locate the file mentioned in the issue description.",
    });
    expect(firstCall.parts[2]).toEqual({ type: "tool_call", name: "bash", arguments: { command: "ls -R django/db/models/manager.py" } });
    expect(firstCall.meta).toMatchObject({ promptTokens: 1604, completionTokens: 148 });
    expect(firstCall.timestamp).toBe(new Date(1763509556 * 1000).toISOString());
    expect(firstResult).toMatchObject({ role: "tool", parts: [{ type: "observation", exitCode: 0, toolName: "bash" }] });
  });

  it("07: 174 messages, 86 calls, format errors kept, the reproduce loop visible", () => {
    const episode = parseOne(readFixtureJson(f07), f07);
    expect(episode.steps).toHaveLength(174);
    expect(episode.sourceMetrics.apiCalls).toBe(86);
    expect(episode.sourceMetrics.costUsd).toBeCloseTo(1.56, 2);
    const assistant = episode.steps.filter((s) => s.role === "assistant");
    expect(assistant).toHaveLength(86);
    expect(assistant.filter((s) => s.meta?.formatError)).toHaveLength(10);
    expect(commands(episode)).toHaveLength(76);
    expect(commands(episode).filter((c) => c === "python3 reproduce_issue.py")).toHaveLength(13);
    const formatErrors = episode.steps.filter((s) => s.parts.some((p) => p.type === "observation" && p.isError));
    expect(formatErrors).toHaveLength(10);
    const truncated = episode.steps.filter((s) => s.meta?.truncated);
    expect(truncated.length).toBeGreaterThan(0);
    expect(truncated[0].parts[0]).toMatchObject({ exitCode: 0 });
  });

  it("09: the 868 KB submission comes through whole", () => {
    const episode = parseOne(readFixtureJson(f09), f09);
    expect(episode.steps).toHaveLength(144);
    expect(episode.finalPatch).toHaveLength(868167);
    expect(episode.finalPatch?.match(/^diff --git /gm)).toHaveLength(66);
  });
});

describe("mini-swe-agent synthetic records", () => {
  const toolCallRecord = {
    trajectory_format: "mini-swe-agent-1.1",
    info: {
      exit_status: "Submitted",
      submission: "diff --git a/x b/x\n",
      model_stats: { instance_cost: 0.02, api_calls: 1 },
      mini_version: "2.0.0",
      config: { model: { model_name: "anthropic/claude-sonnet-4-5" }, agent: { step_limit: 50 } },
    },
    messages: [
      { role: "system", content: "You are helpful." },
      { role: "user", content: "Please solve this issue: Fix x" },
      {
        role: "assistant",
        content: "Listing files.",
        reasoning_content: "I should look first.",
        tool_calls: [{ id: "call_1", type: "function", function: { name: "bash", arguments: '{"command": "ls"}' } }],
        extra: { actions: [{ command: "ls", tool_call_id: "call_1" }], cost: 0.02, timestamp: 1700000000.5 },
      },
      {
        role: "tool",
        tool_call_id: "call_1",
        content: "<returncode>1</returncode>\n<output>\nboom\n</output>",
        extra: { raw_output: "boom", returncode: 1, timestamp: 1700000001 },
      },
      { role: "exit", content: "diff --git a/x b/x\n", extra: { exit_status: "Submitted", submission: "diff --git a/x b/x\n" } },
    ],
  };

  it("reads 1.1 tool-call mode, extras and the exit message", () => {
    const episode = parseOne(toolCallRecord, "trajs/sympy__sympy-20590/sympy__sympy-20590.traj.json");
    expect(episode.instanceId).toBe("sympy__sympy-20590");
    expect(episode.formatVersion).toBe("mini-swe-agent-1.1");
    expect(episode.model).toBe("anthropic/claude-sonnet-4-5");
    expect(episode.taskText).toBe("Please solve this issue: Fix x");
    expect(episode.meta).toMatchObject({ miniVersion: "2.0.0", stepLimit: 50 });
    const [, , call, result, exit] = episode.steps;
    expect(call.parts).toEqual([
      { type: "reasoning", text: "I should look first." },
      { type: "reasoning", text: "Listing files." },
      { type: "tool_call", id: "call_1", name: "bash", arguments: { command: "ls" } },
    ]);
    expect(call.meta).toEqual({ cost: 0.02 });
    expect(call.timestamp).toBe("2023-11-14T22:13:20.500Z");
    expect(result.parts[0]).toMatchObject({ type: "observation", exitCode: 1, toolCallId: "call_1", toolName: "bash" });
    expect(exit).toMatchObject({ role: "environment", meta: { exitStatus: "Submitted" } });
    expect(episode.finalPatch).toBe("diff --git a/x b/x\n");
  });

  it("reads the 2.x fence and puts an exception message into outcome.error", () => {
    const episode = parseOne(
      {
        trajectory_format: "mini-swe-agent-1.1",
        info: { exit_status: "RuntimeError", submission: "container died", traceback: "Traceback…" },
        messages: [
          { role: "user", content: "task" },
          { role: "assistant", content: "Run.\n```mswea_bash_command\npytest -q\n```" },
        ],
      },
      "x.traj.json",
    );
    expect(episode.steps[1].parts.at(-1)).toEqual({ type: "tool_call", name: "bash", arguments: { command: "pytest -q" } });
    expect(episode.finalPatch).toBeNull();
    expect(episode.outcome).toMatchObject({ exitStatusRaw: "RuntimeError", error: "container died" });
    expect(episode.meta.traceback).toBe("Traceback…");
  });

  it.each([
    ["a string", "$"],
    [{ trajectory_format: "mini-swe-agent-1", info: {}, messages: {} }, "messages"],
    [{ info: {}, messages: [{ role: "user", content: "x" }, null] }, "messages[1]"],
    [{ info: {}, messages: [{ content: "x" }] }, "messages[0].role"],
  ])("rejects %j at %s", (record, field) => {
    expect(() => miniSweAgentFormat.parse(record, { fileName: "x.traj.json", location: 1 })).toThrow(
      expect.objectContaining({ name: "RecordError", field }),
    );
  });
});
