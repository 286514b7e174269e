import { makeEpisode } from "@/lib/testing/make-episode";
import { describe, expect, it } from "vitest";
import { emptyOutcome, type NormalizedEpisode, type Step, type TestList } from "@/lib/formats/episode";
import { miniSweAgentFormat } from "@/lib/formats/mini-swe-agent";
import { hasFixtures, readFixtureJson } from "@/lib/testing/fixtures";
import { computeQuality, qualityFlags, qualitySignalsSchema } from "./index";

function miniEpisode(name: string): NormalizedEpisode {
  const parsed = miniSweAgentFormat.parse(readFixtureJson(name), { fileName: name, location: 1 });
  if (parsed.type !== "episodes") throw new Error(`${name}: expected an episode`);
  return parsed.episodes[0];
}

/** What ingest attaches from a flat SWE-bench report (06, 08) beside the trajectory. */
function withReport(episode: NormalizedEpisode, reportName: string): NormalizedEpisode {
  const report = readFixtureJson(reportName) as {
    resolved: boolean;
    tests_status: { FAIL_TO_PASS: TestList; PASS_TO_PASS: TestList };
  };
  return {
    ...episode,
    outcome: {
      ...episode.outcome,
      resolved: report.resolved,
      failToPass: report.tests_status.FAIL_TO_PASS,
      passToPass: report.tests_status.PASS_TO_PASS,
    },
  };
}

const commands = (episode: NormalizedEpisode) =>
  episode.steps.flatMap((s) => s.parts.flatMap((p) => (p.type === "tool_call" ? [String(p.arguments.command)] : [])));

describe.skipIf(!hasFixtures)("computeQuality on real mini-swe-agent runs", () => {
  it("05: resolved, submitted, no loop, no regression", () => {
    const signals = computeQuality(withReport(miniEpisode("05_mini-swe-agent-1_django__django-15731.traj.json"), "06_swebench-instance-report_django__django-15731.json"));
    expect(signals).toMatchObject({ exitStatusClass: "submitted", hitLimit: false, loop: null, toolCallParseErrors: 0, secrets: [] });
    expect(signals.patch).toMatchObject({ filesTouched: 2, isEmpty: false, isHuge: false, junkPaths: [] });
    expect(signals.counts).toMatchObject({ steps: 60, toolCalls: 29 });
    expect(signals.flags).not.toContain("regression");
    expect(signals.flags).not.toContain("stuck_loop");
    expect(signals.tokens.total).toBe(signals.tokens.assistant + signals.tokens.other);
    expect(signals.tokens.assistant).toBeGreaterThan(1000);
  });

  it("07: an edit-test loop re-running reproduce_issue.py 13 times is not stuck; 3 P2P failures are a regression", () => {
    const episode = withReport(miniEpisode("07_mini-swe-agent-1_django__django-16950.traj.json"), "08_swebench-instance-report_django__django-16950.json");
    expect(commands(episode).filter((c) => c.trim() === "python3 reproduce_issue.py")).toHaveLength(13);
    const signals = computeQuality(episode);
    expect(signals.loop).toBeNull();
    expect(signals.exitStatusClass).toBe("submitted");
    expect(signals.flags).toEqual(["regression"]);
  });

  it("07 with one exchange repeated 4 times in a row is stuck", () => {
    const episode = miniEpisode("07_mini-swe-agent-1_django__django-16950.traj.json");
    const callAt = episode.steps.findIndex((s) => s.parts.some((p) => p.type === "tool_call" && p.arguments.command === "python3 reproduce_issue.py"));
    const exchange = episode.steps.slice(callAt, callAt + 2);
    const steps = [...episode.steps.slice(0, callAt), ...exchange, ...exchange, ...exchange, ...episode.steps.slice(callAt)];
    expect(computeQuality({ ...episode, steps }).loop).toEqual({ kind: "repeated_action_observation", startStep: callAt, endStep: callAt + 7 });
  });

  it("09: an 868 KB patch of 66 files, mostly build/ artefacts", () => {
    const signals = computeQuality(miniEpisode("09_mini-swe-agent-1_psf__requests-1142_HUGE.traj.json"));
    expect(signals.patch).toMatchObject({ bytes: 868_176, filesTouched: 66, isHuge: true });
    expect(signals.patch.junkPaths.every((p) => p.startsWith("build/lib/requests/"))).toBe(true);
    expect(signals.flags).toEqual(expect.arrayContaining(["huge_patch", "junk_in_patch"]));
    expect(signals.flags).not.toContain("stuck_loop");
    expect(signals.tokens.other).toBeGreaterThan(signals.tokens.assistant);
  });
});

const episode = (steps: Step[], extra: Partial<NormalizedEpisode> = {}) =>
  makeEpisode(steps, {
    instanceId: "org__repo-1",
    finalPatch: "diff --git a/src/a.py b/src/a.py\n--- a/src/a.py\n+++ b/src/a.py\n@@ -1 +1 @@\n-a\n+b\n",
    ...extra,
  });

describe("computeQuality flags", () => {
  it("sets no flag on a clean episode and round-trips through the schema", () => {
    const signals = computeQuality(episode([{ role: "user", parts: [{ type: "message", text: "fix" }] }]));
    expect(signals.flags).toEqual([]);
    expect(qualitySignalsSchema.parse(JSON.parse(JSON.stringify(signals)))).toEqual(signals);
  });

  it("classifies OpenHands limits from the error text", () => {
    const outcome = { ...emptyOutcome(), error: "RuntimeError: Agent reached maximum iteration in headless mode" };
    const signals = computeQuality(episode([], { outcome }));
    expect(signals).toMatchObject({ exitStatusClass: "limit", hitLimit: true });
    expect(signals.flags).toEqual(["hit_limit"]);
  });

  it("keeps a submitted composite as submitted but flags the limit", () => {
    const outcome = { ...emptyOutcome(), exitStatusRaw: "submitted (exit_cost)" };
    expect(computeQuality(episode([], { outcome }))).toMatchObject({ exitStatusClass: "submitted", hitLimit: true, flags: ["hit_limit"] });
  });

  it("flags empty patches of benchmark instances only", () => {
    expect(computeQuality(episode([], { finalPatch: null })).flags).toEqual(["empty_patch"]);
    expect(computeQuality(episode([], { finalPatch: " \n", instanceId: null })).flags).toEqual([]);
  });

  it("counts tool calls whose arguments did not parse, and errors", () => {
    const steps: Step[] = [
      { role: "assistant", parts: [{ type: "tool_call", name: "bash", arguments: { raw: "{bad" }, parseError: "Unexpected token" }] },
      { role: "tool", parts: [{ type: "observation", text: "oops", isError: true }] },
      { role: "assistant", parts: [{ type: "file_edit", path: "a", operation: "create", newText: "x" }] },
    ];
    const signals = computeQuality(episode(steps));
    expect(signals.toolCallParseErrors).toBe(1);
    expect(signals.counts).toEqual({ steps: 3, toolCalls: 1, observations: 1, edits: 1, errors: 1 });
    expect(signals.flags).toEqual(["tool_parse_error"]);
  });

  it("lists every flag that holds, sorted", () => {
    const token = `ghp_${"aB3dE5gH7jK9mN1pQ2rS4tU6vW8xY0z".repeat(2)}`;
    const repeat = (n: number): Step[] =>
      Array.from({ length: n }, () => [
        { role: "assistant", parts: [{ type: "tool_call", name: "bash", arguments: { command: "ls" } }] } as Step,
        { role: "tool", parts: [{ type: "observation", text: token, exitCode: 0 }] } as Step,
      ]).flat();
    const many = Array.from({ length: 31 }, (_, i) => `diff --git a/tests/test_${i}.py b/tests/test_${i}.py\n`).join("");
    const outcome = { ...emptyOutcome(), exitStatusRaw: "exit_cost", passToPass: { success: [], failure: ["t1"] } };
    const signals = computeQuality(episode(repeat(4), { outcome, finalPatch: `${many}diff --git a/x.pyc b/x.pyc\nBinary files a/x.pyc and b/x.pyc differ\n` }));
    expect(signals.flags).toEqual([...qualityFlags].filter((f) => f !== "empty_patch" && f !== "tool_parse_error").sort());
  });
});
