import { describe, expect, it } from "vitest";
import { hasFixtures, readFixtureJson } from "@/lib/testing/fixtures";
import { chatFormat } from "./chat";
import { normalizedEpisodeSchema, type NormalizedEpisode } from "./episode";
import { RecordError } from "./format-module";

function parseOne(record: unknown): NormalizedEpisode {
  const result = chatFormat.parse(record, { fileName: "rows.json", location: 1 });
  if (result.type !== "episodes") throw new Error("expected episodes");
  expect(result.episodes).toHaveLength(1);
  return normalizedEpisodeSchema.parse(result.episodes[0]);
}

function fieldOf(record: unknown): string {
  try {
    chatFormat.parse(record, { fileName: "rows.jsonl", location: 1 });
  } catch (error) {
    if (error instanceof RecordError) return error.field;
    throw error;
  }
  throw new Error("expected a RecordError");
}

describe.skipIf(!hasFixtures)("chat fixture 12 (SWE-Gym OpenHands sampled trajectories)", () => {
  it("5 resolved rows, one step per message, tools and the eval report kept", () => {
    const rows = readFixtureJson("12_swe-gym_openhands-sampled-trajectories_5rows.json") as unknown[];
    const episodes = rows.map(parseOne);
    expect(episodes).toHaveLength(5);
    expect(episodes.map((e) => e.steps.length)).toEqual([41, 23, 26, 37, 61]);
    expect(episodes.map((e) => e.instanceId)).toEqual([
      "python__mypy-15976",
      "Project-MONAI__MONAI-5686",
      "Project-MONAI__MONAI-6849",
      "getmoto__moto-6387",
      "Project-MONAI__MONAI-3715",
    ]);
    expect(episodes.map((e) => e.meta.rawInstanceId)).toEqual([
      "python__mypy-15976_0",
      "Project-MONAI__MONAI-5686_4",
      "Project-MONAI__MONAI-6849_1",
      "getmoto__moto-6387_0",
      "Project-MONAI__MONAI-3715_4",
    ]);
    for (const episode of episodes) {
      expect(episode.outcome.resolved).toBe(true);
      expect(episode.outcome.exitStatusClass).toBe("unknown");
      expect(episode.model).toBe("gpt-4o-2024-08-06");
      expect(episode.finalPatch?.startsWith("diff --git a/")).toBe(true);
      const tools = episode.meta.tools as { function: { name: string } }[];
      expect(tools.map((t) => t.function.name)).toEqual(["execute_bash", "finish", "str_replace_editor"]);
      expect(episode.meta.evalReport).toEqual({ empty_generation: false, error_eval: false, failed_apply_patch: false, test_timeout: false });
      expect(typeof episode.meta.testOutput).toBe("string");
      expect(typeof episode.meta.applyPatchOutput).toBe("string");
      expect(episode.steps[0].role).toBe("system");
    }

    const [mypy] = episodes;
    expect(mypy.repo).toBe("python/mypy");
    expect(mypy.meta.runId).toBe("gpt-4o-2024-08-06_maxiter_50_N_v2.1-no-hint-train-t0-run_1");
    expect(mypy.taskText?.startsWith("attrs & dataclasses false positive error with slots=True")).toBe(true);
    expect(mypy.sourceMetrics.apiCalls).toBe(17);
    expect(mypy.steps[2].parts).toEqual([
      {
        type: "tool_call",
        id: "call_wmUMCvkWsBrXZdFlTSwE3sy6",
        name: "str_replace_editor",
        arguments: { command: "view", path: "/workspace/python__mypy__1.6", view_range: [0, -1] },
      },
    ]);
    expect(mypy.steps[3]).toMatchObject({
      role: "tool",
      parts: [{ type: "observation", toolCallId: "call_wmUMCvkWsBrXZdFlTSwE3sy6", toolName: "str_replace_editor" }],
    });
    const bash = mypy.steps.flatMap((s) => s.parts).filter((p) => p.type === "observation" && p.toolName === "execute_bash");
    expect(bash.length).toBeGreaterThan(0);
    expect(bash.every((p) => p.type === "observation" && typeof p.exitCode === "number")).toBe(true);
    expect(mypy.steps.filter((s) => s.parts.some((p) => p.type === "file_edit"))).toHaveLength(3);
  });
});

describe("chat rows", () => {
  it("turns XML function calls and OBSERVATION user turns into calls and tool results", () => {
    const row = {
      instance_id: "astropy__astropy-12907",
      messages: [
        { role: "system", content: "You are a helpful assistant." },
        { role: "user", content: [{ type: "text", text: "<issue>Separability matrix is wrong for nested models</issue>" }] },
        {
          role: "assistant",
          content:
            "Let me fix the matrix.\n<function=str_replace_editor>\n<parameter=command>str_replace</parameter>\n<parameter=path>/repo/astropy/modeling/separable.py</parameter>\n<parameter=old_str>cright[-right.shape[0]:, -right.shape[1]:] = 1</parameter>\n<parameter=new_str>cright[-right.shape[0]:, -right.shape[1]:] = right</parameter>\n</function>",
        },
        { role: "user", content: "OBSERVATION:\nThe file /repo/astropy/modeling/separable.py has been edited." },
        { role: "assistant", content: "<function=bash>\n<parameter=command>pytest -q</parameter>\n</function>" },
        { role: "user", content: "OBSERVATION:\n3 passed\n[Command finished with exit code 0]" },
        { role: "assistant", content: "Done." },
      ],
      resolved: false,
      exit_status: "submitted",
      model_patch: "diff --git a/astropy/modeling/separable.py b/astropy/modeling/separable.py\n",
    };
    expect(chatFormat.detect(row, { fileName: "rows.jsonl", container: "jsonl" })).toBe(0.9);
    const episode = parseOne(row);
    expect(episode.repo).toBe("astropy/astropy");
    expect(episode.taskText).toBe("Separability matrix is wrong for nested models");
    expect(episode.outcome).toMatchObject({ resolved: false, exitStatusRaw: "submitted" });
    expect(episode.finalPatch).toBe(row.model_patch);
    expect(episode.meta.rawInstanceId).toBeUndefined();
    expect(episode.steps.map((s) => s.role)).toEqual(["system", "user", "assistant", "tool", "assistant", "tool", "assistant"]);
    expect(episode.steps[2].parts).toEqual([
      { type: "reasoning", text: "Let me fix the matrix." },
      {
        type: "tool_call",
        name: "str_replace_editor",
        arguments: {
          command: "str_replace",
          path: "/repo/astropy/modeling/separable.py",
          old_str: "cright[-right.shape[0]:, -right.shape[1]:] = 1",
          new_str: "cright[-right.shape[0]:, -right.shape[1]:] = right",
        },
      },
      {
        type: "file_edit",
        path: "/repo/astropy/modeling/separable.py",
        operation: "str_replace",
        oldText: "cright[-right.shape[0]:, -right.shape[1]:] = 1",
        newText: "cright[-right.shape[0]:, -right.shape[1]:] = right",
      },
    ]);
    expect(episode.steps[3].parts[0]).toMatchObject({ type: "observation", toolName: "str_replace_editor" });
    expect(episode.steps[5].parts[0]).toMatchObject({ type: "observation", toolName: "bash", exitCode: 0 });
    expect(episode.steps[6].parts).toEqual([{ type: "message", text: "Done." }]);
  });

  it("keeps unparseable tool arguments raw with the parse error", () => {
    const row = {
      messages: [
        { role: "user", content: "hi" },
        { role: "assistant", content: null, tool_calls: [{ id: "c1", type: "function", function: { name: "execute_bash", arguments: '{"command": "ls' } }] },
        { role: "tool", tool_call_id: "c1", content: "a.txt" },
      ],
      tools: [],
    };
    expect(chatFormat.detect(row, { fileName: "rows.jsonl", container: "jsonl" })).toBe(0.95);
    const episode = parseOne(row);
    const call = episode.steps[1].parts[0];
    expect(call).toMatchObject({ type: "tool_call", id: "c1", name: "execute_bash", arguments: { raw: '{"command": "ls' } });
    expect(call.type === "tool_call" && call.parseError).toBeTruthy();
    expect(episode.steps[2].parts[0]).toEqual({ type: "observation", text: "a.txt", toolCallId: "c1", toolName: "execute_bash" });
  });

  it("reads trajectory[{role, text, mask}] rows with target as resolved", () => {
    const row = {
      instance_id: "pallets__flask-4045",
      model_name: "swe-agent-llama-70b",
      target: true,
      exit_status: "submitted",
      generated_patch: "diff --git a/src/flask/blueprints.py b/src/flask/blueprints.py\n",
      eval_logs: "Tests passed",
      trajectory: [
        { role: "system", system_prompt: "SETTING: You are an autonomous programmer.", mask: false },
        { role: "user", text: "<issue>Raise error when blueprint name contains a dot</issue>", mask: false },
        { role: "ai", text: "Let me look at blueprints.py.\n```\nopen src/flask/blueprints.py\n```", mask: true },
        { role: "user", text: "[File: src/flask/blueprints.py (100 lines total)]", mask: false },
      ],
    };
    expect(chatFormat.detect(row, { fileName: "rows.jsonl", container: "jsonl" })).toBe(0.9);
    const episode = parseOne(row);
    expect(episode.formatVersion).toBe("trajectory");
    expect(episode.model).toBe("swe-agent-llama-70b");
    expect(episode.outcome.resolved).toBe(true);
    expect(episode.finalPatch).toBe(row.generated_patch);
    expect(episode.meta.testOutput).toBe("Tests passed");
    expect(episode.taskText).toBe("Raise error when blueprint name contains a dot");
    expect(episode.steps.map((s) => s.role)).toEqual(["system", "user", "assistant", "user"]);
    expect(episode.steps[0].parts[0]).toEqual({ type: "message", text: "SETTING: You are an autonomous programmer." });
    expect(episode.steps.map((s) => s.meta?.mask)).toEqual([false, false, true, false]);
  });

  it("names the field of a row that cannot be an episode", () => {
    expect(fieldOf(["not", "a", "row"])).toBe("$");
    expect(fieldOf({ instance_id: "x" })).toBe("messages");
    expect(fieldOf({ messages: "hello" })).toBe("messages");
    expect(fieldOf({ messages: [{ role: "user", content: "a" }, 3] })).toBe("messages[1]");
    expect(fieldOf({ messages: [{ role: "user", content: "a" }, { content: "b" }] })).toBe("messages[1].role");
    expect(fieldOf({ messages: [{ role: "assistant", content: "", tool_calls: {} }] })).toBe("messages[0].tool_calls");
    expect(fieldOf({ messages: [{ role: "assistant", content: "", tool_calls: [null] }] })).toBe("messages[0].tool_calls[0]");
    expect(fieldOf({ trajectory: [{ role: "ai", text: "x" }, { text: "y" }] })).toBe("trajectory[1].role");
  });
});
