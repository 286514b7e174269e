import { describe, expect, it } from "vitest";
import type { NormalizedEpisode, Step } from "@/lib/formats/episode";
import { miniSweAgentFormat } from "@/lib/formats/mini-swe-agent";
import { sweAgentFormat } from "@/lib/formats/swe-agent";
import { createInstance } from "@/lib/sample/instance";
import { sweAgentModels } from "@/lib/sample/models";
import { createRng } from "@/lib/sample/random";
import { generateSweAgentTraj } from "@/lib/sample/swe-agent-rollout";
import { hasFixtures, readFixtureJson } from "@/lib/testing/fixtures";
import { alignSteps, summarizeAlignment, type AlignedRow } from "./align";
import type { StepSignature } from "./signature";
import { signatureOfStep } from "./step-signature-of";

const signaturesOf = (steps: Step[]) => steps.map(signatureOfStep);

const sig = (idx: number, kind: string, detail: string, tool: string | null = "bash"): StepSignature => ({ idx, kind, tool, detail });
const calls = (details: string[]) => details.map((detail, idx) => sig(idx, "tool_call", detail));

/** Every step of each side appears exactly once, in order. */
function expectComplete(rows: AlignedRow[], a: number, b: number) {
  expect(rows.map((r) => r.a).filter((i) => i !== null)).toEqual(Array.from({ length: a }, (_, i) => i));
  expect(rows.map((r) => r.b).filter((i) => i !== null)).toEqual(Array.from({ length: b }, (_, i) => i));
  for (const row of rows) expect(row.match === "gap").toBe(row.a === null || row.b === null);
}

describe("alignSteps", () => {
  it("pairs identical runs row by row", () => {
    const rows = alignSteps(calls(["ls", "cat a.py", "pytest"]), calls(["ls", "cat a.py", "pytest"]));
    expect(rows).toEqual([0, 1, 2].map((i) => ({ a: i, b: i, match: "same" })));
  });

  it("puts a gap where one attempt took an extra step", () => {
    const rows = alignSteps(calls(["ls", "cat a.py", "edit a.py", "pytest"]), calls(["ls", "grep -rn foo", "cat a.py", "edit a.py", "pytest"]));
    expect(rows).toEqual([
      { a: 0, b: 0, match: "same" },
      { a: null, b: 1, match: "gap" },
      { a: 1, b: 2, match: "same" },
      { a: 2, b: 3, match: "same" },
      { a: 3, b: 4, match: "same" },
    ]);
  });

  it("pairs different commands of the same tool as similar, but never steps of different kinds", () => {
    const a = [sig(0, "tool_call", "ls"), sig(1, "message", "I am done", null)];
    const b = [sig(0, "tool_call", "ls -la"), sig(1, "observation", "I am done", "bash")];
    const rows = alignSteps(a, b);
    expect(rows[0]).toEqual({ a: 0, b: 0, match: "similar" });
    expect(rows.slice(1).map((r) => r.match)).toEqual(["gap", "gap"]);
    expectComplete(rows, 2, 2);
  });

  it("prefers lining up the same command over a merely similar one", () => {
    const rows = alignSteps(calls(["pytest -x", "git diff"]), calls(["git diff"]));
    expect(rows).toEqual([
      { a: 0, b: null, match: "gap" },
      { a: 1, b: 0, match: "same" },
    ]);
  });

  it("handles empty sides", () => {
    expect(alignSteps([], [])).toEqual([]);
    expect(alignSteps(calls(["ls"]), [])).toEqual([{ a: 0, b: null, match: "gap" }]);
    expect(alignSteps([], calls(["ls"]))).toEqual([{ a: null, b: 0, match: "gap" }]);
  });

  it("still aligns episodes too long for the full table, in order", () => {
    const a = calls(Array.from({ length: 5000 }, (_, i) => `cmd ${i % 7}`));
    const b = calls(Array.from({ length: 4200 }, (_, i) => `cmd ${i % 5}`));
    const rows = alignSteps(a, b);
    expectComplete(rows, 5000, 4200);
    expect(summarizeAlignment(rows).gaps).toBe(800);
  });

  it("aligns two generated attempts at one instance by different models", () => {
    const instance = createInstance(createRng(7));
    const episodes = sweAgentModels.slice(0, 2).map((model, i) => {
      const traj = generateSweAgentTraj(createRng(100 + i), { instance, model, medianSteps: 14 });
      const result = sweAgentFormat.parse(traj, { fileName: "x.traj", location: 1 });
      if (result.type !== "episodes") throw new Error("expected episodes");
      return result.episodes[0] as NormalizedEpisode;
    });
    const [a, b] = episodes.map((e) => signaturesOf(e.steps));
    const rows = alignSteps(a, b);
    expectComplete(rows, a.length, b.length);
    const summary = summarizeAlignment(rows);
    expect(summary.same).toBeGreaterThan(0); // both read the issue and open the same file
    expect(summary.rows).toBe(summary.same + summary.similar + summary.gaps);
  });
});

describe.skipIf(!hasFixtures)("alignSteps on a real trajectory", () => {
  const f05 = "05_mini-swe-agent-1_django__django-15731.traj.json";
  const parse = (record: unknown) => {
    const result = miniSweAgentFormat.parse(record, { fileName: f05, location: 1 });
    if (result.type !== "episodes") throw new Error("expected episodes");
    return result.episodes[0].steps;
  };

  it("finds exactly the two steps one copy lacks", () => {
    const steps = parse(readFixtureJson(f05));
    const trimmed = [...steps.slice(0, 20), ...steps.slice(22)];
    const rows = alignSteps(signaturesOf(steps), signaturesOf(trimmed));
    const gaps = rows.filter((r) => r.match === "gap");
    expect(gaps.map((r) => [r.a, r.b])).toEqual([
      [20, null],
      [21, null],
    ]);
    expect(rows).toHaveLength(steps.length);
  });
});
