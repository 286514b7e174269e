import { describe, expect, it } from "vitest";
import type { Step } from "@/lib/formats/episode";
import { getFormat } from "@/lib/formats";
import { computeQuality } from "@/lib/quality";
import { hasFixtures, readFixtureJson } from "@/lib/testing/fixtures";
import { makeEpisode } from "@/lib/testing/make-episode";
import { flagPointers } from "./quality-pointers";

const tokenizer = { name: "chars", count: (text: string) => text.length };

describe("flagPointers", () => {
  it("points a stuck loop at the first step of its span", () => {
    const call = (): Step => ({ role: "assistant", parts: [{ type: "tool_call", name: "bash", arguments: { command: "pytest" } }] });
    const result = (): Step => ({ role: "tool", parts: [{ type: "observation", text: "1 failed", exitCode: 1 }] });
    const steps: Step[] = [{ role: "user", parts: [{ type: "message", text: "fix it" }] }, ...Array.from({ length: 5 }, () => [call(), result()]).flat()];
    const quality = computeQuality(makeEpisode(steps), { tokenizer });
    expect(quality.flags).toContain("stuck_loop");
    const [loop] = flagPointers(["stuck_loop"], quality, steps.length);
    expect(loop).toMatchObject({ flag: "stuck_loop", label: "stuck loop", step: quality.loop!.startStep, stepEnd: quality.loop!.endStep, target: null });
    expect(loop.detail).toBe(`${quality.loop!.kind.replaceAll("_", " ")}, steps ${quality.loop!.startStep}–${quality.loop!.endStep}`);
  });

  it("points a leaked key at its step and a limit at the last step", () => {
    const steps: Step[] = [
      { role: "user", parts: [{ type: "message", text: "go" }] },
      { role: "tool", parts: [{ type: "observation", text: `OPENAI_API_KEY=sk-proj-${"a1B2".repeat(12)}` }] },
    ];
    const quality = computeQuality(makeEpisode(steps, { outcome: { ...makeEpisode([]).outcome, exitStatusRaw: "exit_cost" } }), { tokenizer });
    const pointers = flagPointers(quality.flags, quality, steps.length);
    expect(pointers.find((p) => p.flag === "secret")).toMatchObject({ step: 1, detail: "openai in steps" });
    expect(pointers.find((p) => p.flag === "hit_limit")).toMatchObject({ step: 1, detail: "limit" });
  });

  it.skipIf(!hasFixtures)("09: sends the patch flags to the final patch with what is wrong", () => {
    const name = "09_mini-swe-agent-1_psf__requests-1142_HUGE.traj.json";
    const parsed = getFormat("mini-swe-agent").parse(readFixtureJson(name), { fileName: name, location: 1 });
    if (parsed.type !== "episodes") throw new Error("expected episodes");
    const quality = computeQuality(parsed.episodes[0], { tokenizer });
    expect(flagPointers(quality.flags, quality, 144)).toEqual([
      { flag: "huge_patch", label: "huge patch", detail: "868,176 bytes, 66 files", step: null, stepEnd: null, target: "patch" },
      {
        flag: "junk_in_patch",
        label: "junk in patch",
        detail: "build/lib/requests/__init__.py, build/lib/requests/adapters.py, build/lib/requests/api.py and 47 more",
        step: null,
        stepEnd: null,
        target: "patch",
      },
    ]);
  });

  it("still lists flags when the stored signals are missing or malformed", () => {
    expect(flagPointers(["stuck_loop", "regression"], { nonsense: true }, 10)).toEqual([
      { flag: "stuck_loop", label: "stuck loop", detail: null, step: null, stepEnd: null, target: null },
      { flag: "regression", label: "regression", detail: "PASS_TO_PASS tests fail", step: null, stepEnd: null, target: "outcome" },
    ]);
  });
});
