import { describe, expect, it } from "vitest";
import { hasFixtures, readFixtureJson } from "@/lib/testing/fixtures";
import { normalizedEpisodeSchema, type NormalizedEpisode, type Step } from "./episode";
import { RecordError, type ParsedRecord } from "./format-module";
import { sweAgentFormat } from "./swe-agent";

const v0Name = "01_swe-agent-v0_pydicom__pydicom-1458.traj";
const v1Name = "03_swe-agent-v1.0.1_pandas-dev__pandas.95280573.pr_53856.traj";
/** Where the 0.x file lives upstream: the run folder is the only place naming the model. */
const v0UpstreamPath =
  "trajectories/gpt4__swe-bench-dev-easy_first_only__default__t-0.00__p-0.95__c-3.00__install-1/pydicom__pydicom-1458.traj";

function episodesOf(result: ParsedRecord): NormalizedEpisode[] {
  if (result.type !== "episodes") throw new Error("expected episodes");
  return result.episodes.map((e) => normalizedEpisodeSchema.parse(e));
}

function parseOne(record: unknown, fileName: string): NormalizedEpisode {
  const episodes = episodesOf(sweAgentFormat.parse(record, { fileName, location: 1 }));
  expect(episodes).toHaveLength(1);
  return episodes[0];
}

function partTypes(step: Step): string[] {
  return step.parts.map((p) => p.type);
}

describe.skipIf(!hasFixtures)("swe-agent fixtures", () => {
  it("01 (0.x): history turns, outcome, cost and the model from the run folder", () => {
    const episode = parseOne(readFixtureJson(v0Name), v0UpstreamPath);
    expect(episode.formatVersion).toBe("0.x");
    expect(episode.instanceId).toBe("pydicom__pydicom-1458");
    expect(episode.repo).toBe("pydicom/pydicom");
    expect(episode.model).toBe("gpt4");
    expect(episode.meta.environment).toBe("swe_main");
    expect(episode.steps).toHaveLength(26);
    expect(episode.steps.filter((s) => s.role === "assistant")).toHaveLength(12);
    expect(episode.outcome.exitStatusRaw).toBe("submitted");
    expect(episode.outcome.exitStatusClass).toBe("unknown");
    expect(episode.outcome.resolved).toBeNull();
    expect(episode.finalPatch).toHaveLength(803);
    expect(episode.sourceMetrics).toEqual({ apiCalls: 12, costUsd: 1.26719, tokensSent: 122612, tokensReceived: 1369 });
    expect(episode.taskText?.startsWith("Pixel Representation attribute should be optional")).toBe(true);
    expect(episode.meta.unmatchedTrajectorySteps).toBeUndefined();
  });

  it("01: the demo is a user turn, observations are tool turns, actions are command lines", () => {
    const { steps } = parseOne(readFixtureJson(v0Name), v0Name);
    expect(steps[0].role).toBe("system");
    expect(steps[1]).toMatchObject({ role: "user", meta: { isDemo: true } });
    expect(steps[2].role).toBe("user");
    expect(steps[3].parts).toEqual([
      expect.objectContaining({ type: "reasoning" }),
      { type: "tool_call", name: "create", arguments: { command: "create reproduce_bug.py" } },
    ]);
    // The trajectory's JSON-string state lands on the matching assistant turn.
    expect(steps[3].meta?.state).toEqual({ open_file: "n/a", working_dir: "/pydicom__pydicom" });
    expect(steps[4].role).toBe("tool");
    expect(steps[4].parts[0]).toMatchObject({ type: "observation", toolName: "create" });
    expect(steps[25].parts.at(-1)).toMatchObject({ type: "tool_call", name: "submit" });
  });

  it("01 without the run folder has no model", () => {
    expect(parseOne(readFixtureJson(v0Name), v0Name).model).toBeNull();
  });

  it("03 (1.0.1): replay_config string, function calls, tool results and edits", () => {
    const episode = parseOne(readFixtureJson(v1Name), v1Name);
    expect(episode.formatVersion).toBe("1.0.1");
    expect(episode.model).toBe("claude-3-7-sonnet-20250219");
    expect(episode.instanceId).toBe("pandas-dev__pandas.95280573.pr_53856");
    expect(episode.repo).toBe("pandas-dev/pandas");
    expect(episode.baseCommit).toBeNull();
    expect(episode.taskText?.startsWith("BUG: to_sql fails with arrow date column")).toBe(true);
    expect(episode.sourceMetrics.apiCalls).toBe(17);
    expect(episode.sourceMetrics.costUsd).toBeCloseTo(0.24830985);
    expect(episode.outcome.exitStatusRaw).toBe("submitted");
    expect(episode.finalPatch).toHaveLength(866);
    expect(episode.steps).toHaveLength(36);
    expect(new Set(episode.steps.map((s) => s.role))).toEqual(new Set(["system", "user", "assistant", "tool"]));

    const calls = episode.steps.flatMap((s) => s.parts).filter((p) => p.type === "tool_call");
    expect(calls).toHaveLength(17);
    expect(calls[0]).toMatchObject({ id: "toolu_01Crr48ue2quNQaMjWM77nUH", name: "bash" });
    expect(calls[3]).toMatchObject({ name: "str_replace_editor", arguments: { command: "view", view_range: [1030, 1074] } });

    const firstResult = episode.steps[3];
    expect(firstResult.role).toBe("tool");
    expect(firstResult.parts[0]).toMatchObject({ toolCallId: "toolu_01Crr48ue2quNQaMjWM77nUH", toolName: "bash" });
    expect(episode.steps[2].meta).toEqual({ executionTime: 0.12489783699993495, state: { working_dir: "/testbed" } });

    const edits = episode.steps.flatMap((s) => s.parts).filter((p) => p.type === "file_edit");
    expect(edits.map((e) => [e.operation, e.path])).toEqual([
      ["create", "/testbed/reproduce_error.py"],
      ["str_replace", "/testbed/pandas/io/sql.py"],
      ["create", "/testbed/test_edge_cases.py"],
    ]);
    expect(partTypes(episode.steps.find((s) => s.parts.some((p) => p.type === "file_edit"))!)).toEqual([
      "reasoning",
      "tool_call",
      "file_edit",
    ]);
  });
});

describe("swe-agent synthetic records", () => {
  const attempt = (exit: string, cost: number) => ({
    environment: "django__django-11099",
    history: [
      { role: "system", content: "You are an agent.", agent: "main" },
      { role: "user", content: "<pr_description>\nFix validators\n</pr_description>", agent: "main" },
      {
        role: "assistant",
        content: "Edit it",
        thought: "Edit it",
        action: "str_replace_editor str_replace /testbed/a.py",
        agent: "main",
        tool_calls: [{ id: "c1", function: { name: "str_replace_editor", arguments: "{not json" } }],
      },
      { role: "tool", content: [{ type: "text", text: "done" }], tool_call_ids: ["c1"], agent: "main" },
    ],
    trajectory: [{ action: "str_replace_editor str_replace /testbed/a.py", observation: "done", execution_time: 0.5, state: {} }],
    info: { exit_status: exit, submission: "", model_stats: { instance_cost: cost, api_calls: 1 }, swe_agent_version: "1.1.0" },
  });

  it("yields one episode per retry attempt and marks the best", () => {
    const record = {
      attempts: [attempt("exit_cost", 1.5), attempt("submitted", 0.7)],
      info: { best_attempt_idx: 1, model_stats: { instance_cost: 2.2 } },
      replay_config: { agent: { type: "retry", agent_configs: [{ model: { name: "gpt-4o" } }] } },
    };
    const episodes = episodesOf(sweAgentFormat.parse(record, { fileName: "runs/django__django-11099.traj", location: 1 }));
    expect(episodes.map((e) => e.attempt)).toEqual([
      { groupKey: "runs/django__django-11099.traj#django__django-11099", index: 0, isBest: false },
      { groupKey: "runs/django__django-11099.traj#django__django-11099", index: 1, isBest: true },
    ]);
    expect(episodes.map((e) => e.outcome.exitStatusRaw)).toEqual(["exit_cost", "submitted"]);
    expect(episodes.map((e) => e.sourceMetrics.costUsd)).toEqual([1.5, 0.7]);
    expect(episodes[0].model).toBe("gpt-4o");
    expect(episodes[0].taskText).toBe("Fix validators");
    expect(episodes[0].finalPatch).toBeNull();
    expect(episodes[0].repo).toBe("django/django");
  });

  it("keeps unparsable arguments raw with the parse error", () => {
    const [episode] = episodesOf(sweAgentFormat.parse(attempt("submitted", 1), { fileName: "x.traj", location: 1 }));
    expect(episode.steps[2].parts[1]).toMatchObject({
      type: "tool_call",
      name: "str_replace_editor",
      arguments: { raw: "{not json" },
      parseError: expect.any(String),
    });
    expect(episode.steps[3].parts[0]).toMatchObject({ text: "done", toolCallId: "c1", toolName: "str_replace_editor" });
  });

  it.each([
    [null, "$"],
    [[1, 2], "$"],
    [{ trajectory: [], history: "nope", info: {} }, "history"],
    [{ trajectory: [], history: [{ role: "system", content: "" }, 5], info: {} }, "history[1]"],
    [{ trajectory: [], history: [{ content: "" }], info: {} }, "history[0].role"],
    [{ attempts: {}, info: {} }, "attempts"],
    [{ attempts: [{ history: [{ role: 3 }] }], info: {} }, "attempts[0].history[0].role"],
  ])("rejects %j at %s", (record, field) => {
    expect(() => sweAgentFormat.parse(record, { fileName: "x.traj", location: 1 })).toThrow(
      expect.objectContaining({ name: "RecordError", field }),
    );
    expect(() => sweAgentFormat.parse(record, { fileName: "x.traj", location: 1 })).toThrow(RecordError);
  });
});
