import { describe, expect, it } from "vitest";
import { parsePatch } from "./diff-check";
import { generateMiniSweAgentTraj } from "./mini-swe-agent-rollout";
import { createRng } from "./random";

type Mini = {
  info: { exit_status: string; submission: string; model_stats: { instance_cost: number; api_calls: number }; mini_version: string; config: { model: { model_name: string } } };
  messages: { role: string; content: string }[];
  trajectory_format: string;
  instance_id: string;
};

const generate = (seed: number) => generateMiniSweAgentTraj(createRng(seed), { medianSteps: 12 }) as unknown as Mini;
const batch = Array.from({ length: 60 }, (_, seed) => generate(seed));

describe("generateMiniSweAgentTraj", () => {
  it("is deterministic for a seed", () => {
    expect(JSON.stringify(generate(8))).toBe(JSON.stringify(generate(8)));
  });

  it("has the mini-swe-agent-1 shape", () => {
    for (const run of batch) {
      expect(Object.keys(run)).toEqual(["info", "messages", "trajectory_format", "instance_id"]);
      expect(run.trajectory_format).toBe("mini-swe-agent-1");
      expect(run.info.config.model.model_name).toEqual(expect.any(String));
      expect(run.info.model_stats.api_calls).toBe(run.messages.filter((m) => m.role === "assistant").length);
      expect(run.messages.slice(0, 2).map((m) => m.role)).toEqual(["system", "user"]);
    }
  });

  it("alternates one-bash-block actions with returncode observations", () => {
    for (const run of batch) {
      run.messages.slice(2).forEach((message, i) => {
        if (i % 2 === 0) {
          expect(message.role).toBe("assistant");
          expect(message.content.match(/```bash\n/g)?.length ?? 0).toBeLessThanOrEqual(1);
        } else {
          expect(message.role).toBe("user");
          const isFinal = i === run.messages.length - 3 && run.info.exit_status !== "LimitsExceeded";
          if (!isFinal) expect(message.content).toMatch(/^<returncode>\d+<\/returncode>\n<(output|warning)>/);
        }
      });
    }
  });

  it("submits a well-formed patch, or nothing when limits were exceeded", () => {
    const statuses = new Set(batch.map((r) => r.info.exit_status));
    expect(statuses).toContain("Submitted");
    expect(statuses).toContain("LimitsExceeded");
    for (const run of batch) {
      if (run.info.exit_status === "Submitted") {
        expect(() => parsePatch(run.info.submission)).not.toThrow();
        expect(run.messages.at(-1)!.content).toBe(run.info.submission);
      } else expect(run.info.submission).toBe("");
    }
  });
});
