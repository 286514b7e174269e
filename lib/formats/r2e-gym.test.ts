import { describe, expect, it } from "vitest";
import { normalizedEpisodeSchema, type NormalizedEpisode } from "./episode";
import { r2eGymFormat } from "./r2e-gym";

/** Shaped like R2E-Gym's `Trajectory.model_dump()` for a SWE-bench Verified run. */
function r2eRecord(overrides: Record<string, unknown> = {}) {
  return {
    trajectory_steps: [
      {
        step_idx: 0,
        thought: "<think>Find the validator first.</think>",
        action: "<function=execute_bash>\n  <parameter=cmd>grep -rn UsernameValidator django/contrib/auth</parameter>\n</function>",
        observation: "Exit code: 0\nExecution output of [execute_bash]:\ndjango/contrib/auth/validators.py:9:class ASCIIUsernameValidator",
        done: false,
        info: { total_time: 0.41 },
        token_usage_prompt: 5120,
        token_usage_completion: 88,
        token_usage_total: 5208,
        llm_exec_time: 2.5,
        env_exec_time: 0.41,
        total_step_time: 2.91,
        total_time_traj: 2.91,
        step_count: 1,
      },
      {
        step_idx: 1,
        thought: "Anchor the regex with \\A and \\Z.",
        action:
          "<function=file_editor>\n  <parameter=command>str_replace</parameter>\n  <parameter=path>/testbed/django/contrib/auth/validators.py</parameter>\n  <parameter=old_str>regex = r'^[\\w.@+-]+$'</parameter>\n  <parameter=new_str>regex = r'\\A[\\w.@+-]+\\Z'</parameter>\n</function>",
        observation: "Execution output of [file_editor]:\nThe file /testbed/django/contrib/auth/validators.py has been edited.",
        done: false,
        info: { total_time: 0.2 },
        token_usage_prompt: -1,
        token_usage_completion: -1,
        token_usage_total: -1,
        llm_exec_time: 3.1,
        env_exec_time: 0.2,
      },
      {
        step_idx: 2,
        thought: "Done.",
        action: "<function=finish>\n  <parameter=command>submit</parameter>\n</function>",
        observation: "<<< Finished >>>",
        done: true,
        info: { total_time: 0 },
        token_usage_prompt: 6000,
        token_usage_completion: 20,
        token_usage_total: 6020,
      },
    ],
    problem_statement: "UsernameValidator allows trailing newline in usernames",
    docker_image: "slimshetty/swebench-verified:sweb.eval.x86_64.django__django-11099",
    exp_name: "r2egym-32b-eval",
    agent_args: { llm_name: "hosted_vllm/R2E-Gym/R2EGym-32B-Agent", system_prompt: "…" },
    env_args: {},
    max_steps: 40,
    exit_reason: "agent",
    output_patch: "diff --git a/django/contrib/auth/validators.py b/django/contrib/auth/validators.py\n",
    reward: 1,
    test_output: "test_unicode_validator ... ok",
    ...overrides,
  };
}

function parseOne(record: unknown): NormalizedEpisode {
  const result = r2eGymFormat.parse(record, { fileName: "trajs.jsonl", location: 1 });
  if (result.type !== "episodes") throw new Error("expected episodes");
  return normalizedEpisodeSchema.parse(result.episodes[0]);
}

describe("r2e-gym", () => {
  it("turns each trajectory step into a call and its observation", () => {
    const episode = parseOne(r2eRecord());
    expect(episode.instanceId).toBe("django__django-11099");
    expect(episode.repo).toBe("django/django");
    expect(episode.model).toBe("hosted_vllm/R2E-Gym/R2EGym-32B-Agent");
    expect(episode.taskText).toBe("UsernameValidator allows trailing newline in usernames");
    expect(episode.steps).toHaveLength(6);
    expect(episode.steps[0]).toEqual({
      role: "assistant",
      parts: [
        { type: "reasoning", text: "<think>Find the validator first.</think>" },
        { type: "tool_call", name: "execute_bash", arguments: { cmd: "grep -rn UsernameValidator django/contrib/auth" } },
      ],
      meta: { stepIdx: 0, promptTokens: 5120, completionTokens: 88, llmExecTime: 2.5 },
    });
    expect(episode.steps[1].parts[0]).toMatchObject({ type: "observation", exitCode: 0, toolName: "execute_bash" });
    expect(episode.steps[2].parts.find((p) => p.type === "file_edit")).toEqual({
      type: "file_edit",
      path: "/testbed/django/contrib/auth/validators.py",
      operation: "str_replace",
      oldText: "regex = r'^[\\w.@+-]+$'",
      newText: "regex = r'\\A[\\w.@+-]+\\Z'",
    });
    expect(episode.steps[3].parts[0]).not.toHaveProperty("exitCode");
    expect(episode.steps[5].meta).toEqual({ done: true });
  });

  it("maps outcome and metrics, skipping R2E-Gym's -1 token placeholders", () => {
    const episode = parseOne(r2eRecord());
    expect(episode.outcome).toMatchObject({ exitStatusRaw: "agent", exitStatusClass: "unknown", resolved: true });
    expect(episode.finalPatch?.startsWith("diff --git")).toBe(true);
    expect(episode.sourceMetrics).toEqual({ apiCalls: 3, costUsd: null, tokensSent: 11120, tokensReceived: 108 });
    expect(episode.meta).toMatchObject({ expName: "r2egym-32b-eval", reward: 1, testOutput: "test_unicode_validator ... ok" });
  });

  it.each([
    [0, false],
    [1, true],
    [null, null],
  ])("reward %j -> resolved %j", (reward, resolved) => {
    expect(parseOne(r2eRecord({ reward })).outcome.resolved).toBe(resolved);
  });

  it("prefers the dataset entry for id, repo, commit and gold patch", () => {
    const episode = parseOne(
      r2eRecord({
        docker_image: "namanjain12/pandas_final:0a1b2c3d",
        ds: { instance_id: "pandas-dev__pandas-50000", repo: "pandas-dev/pandas", base_commit: "abc1234", patch: "gold" },
      }),
    );
    expect(episode).toMatchObject({ instanceId: "pandas-dev__pandas-50000", repo: "pandas-dev/pandas", baseCommit: "abc1234", goldPatch: "gold" });
    expect(parseOne(r2eRecord({ docker_image: "namanjain12/pandas_final:0a1b2c3d" })).instanceId).toBe(
      "namanjain12/pandas_final:0a1b2c3d",
    );
  });

  it.each([
    [42, "$"],
    [{ trajectory_steps: "x" }, "trajectory_steps"],
    [{ trajectory_steps: [{}, "x"] }, "trajectory_steps[1]"],
  ])("rejects %j at %s", (record, field) => {
    expect(() => r2eGymFormat.parse(record, { fileName: "t.jsonl", location: 3 })).toThrow(
      expect.objectContaining({ name: "RecordError", field }),
    );
  });
});
