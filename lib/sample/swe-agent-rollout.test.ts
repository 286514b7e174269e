import { describe, expect, it } from "vitest";
import { applyPatch, parsePatch } from "./diff-check";
import { createInstance } from "./instance";
import { createRng } from "./random";
import { generateSweAgentTraj } from "./swe-agent-rollout";

type Traj = {
  trajectory: Record<string, unknown>[];
  history: { role: string; content: unknown; tool_calls?: { id: string; type: string; function: { name: string; arguments: string } }[]; tool_call_ids?: string[] }[];
  info: { exit_status: string; submission: string | null; model_stats: Record<string, number>; swe_agent_version: string };
  replay_config: string;
  environment: string;
};

const generate = (seed: number, options = {}) => generateSweAgentTraj(createRng(seed), options) as unknown as Traj;
const batch = Array.from({ length: 120 }, (_, seed) => generate(seed, { medianSteps: 12 }));

/** Replays the editor calls of a run on its base files; checks each str_replace matches exactly once. */
function replayEdits(traj: Traj, files: Map<string, string>): void {
  for (const message of traj.history) {
    for (const call of message.tool_calls ?? []) {
      if (call.function.name !== "str_replace_editor") continue;
      const args = JSON.parse(call.function.arguments) as { command: string; path: string; file_text: string; old_str: string; new_str: string; insert_line: number };
      const path = args.path.replace("/testbed/", "");
      const current = files.get(path);
      if (args.command === "create") files.set(path, args.file_text);
      else if (args.command === "str_replace" && current !== undefined && current.split(args.old_str).length === 2) {
        files.set(path, current.replace(args.old_str, () => args.new_str));
      } else if (args.command === "str_replace") {
        expect(current?.includes(args.old_str), `failed str_replace must not match in ${path}`).toBe(false);
      } else if (args.command === "insert") {
        const lines = current!.slice(0, -1).split("\n");
        expect(args.insert_line).toBeLessThanOrEqual(lines.length);
        lines.splice(args.insert_line, 0, ...args.new_str.split("\n"));
        files.set(path, lines.join("\n") + "\n");
      }
    }
  }
}

describe("generateSweAgentTraj", () => {
  it("is deterministic for a seed", () => {
    expect(JSON.stringify(generate(3))).toBe(JSON.stringify(generate(3)));
    expect(JSON.stringify(generate(3))).not.toBe(JSON.stringify(generate(4)));
  });

  it("has the keys of a SWE-agent 1.x .traj", () => {
    for (const traj of batch.slice(0, 20)) {
      expect(Object.keys(traj)).toEqual(["trajectory", "history", "info", "replay_config", "environment"]);
      for (const step of traj.trajectory) {
        expect(step).toMatchObject({ action: expect.any(String), observation: expect.any(String), thought: expect.any(String), response: expect.any(String) });
        expect(typeof step.execution_time).toBe("number");
        expect(step.state).toEqual({ working_dir: "/testbed" });
      }
      expect(traj.info.model_stats).toEqual({
        instance_cost: expect.any(Number),
        tokens_sent: expect.any(Number),
        tokens_received: expect.any(Number),
        api_calls: expect.any(Number),
      });
      expect(traj.info.swe_agent_version).toMatch(/^1\./);
      const config = JSON.parse(traj.replay_config);
      expect(config.agent.model.name).toEqual(expect.any(String));
      expect(config.problem_statement.id).toBe(traj.environment);
      expect(config.problem_statement.text.length).toBeGreaterThan(100);
      expect(traj.environment).toMatch(/^[\w-]+__[\w.-]+-\d+$/);
    }
  });

  it("writes function-calling history: each tool result answers the preceding call", () => {
    for (const traj of batch.slice(0, 20)) {
      expect(traj.history[0].role).toBe("system");
      expect(traj.history[1].role).toBe("user");
      traj.history.forEach((message, i) => {
        expect(["system", "user", "assistant", "tool"]).toContain(message.role);
        if (message.role !== "tool") return;
        const call = traj.history[i - 1].tool_calls![0];
        expect(call.type).toBe("function");
        expect(() => JSON.parse(call.function.arguments)).not.toThrow();
        expect(message.tool_call_ids).toEqual([call.id]);
      });
    }
  });

  it("keeps step messages cumulative, with old observations elided", () => {
    const traj = generate(11, { steps: 20, end: "submit", stepMessages: "elided" });
    const messages = traj.trajectory.map((s) => s.messages as unknown[] | undefined).filter(Boolean) as unknown[][];
    messages.forEach((m, i) => expect(m).toHaveLength(4 + 2 * i));
    expect(JSON.stringify(messages.at(-1))).toContain("Old environment output");
    expect(generate(11, { stepMessages: "none" }).trajectory[0].messages).toBeUndefined();
  });

  it("submits a well-formed patch that matches the edits made", () => {
    let checked = 0;
    for (const [seed, traj] of batch.entries()) {
      const patch = traj.info.submission;
      if (!patch) continue;
      expect(() => parsePatch(patch)).not.toThrow();
      const { project } = createInstance(createRng(seed));
      const base = new Map([[project.modulePath, project.before], [project.testPath, project.testBefore]]);
      const replayed = new Map(base);
      replayEdits(traj, replayed);
      const reverted = traj.trajectory.some((s) => String(s.action).includes("git checkout --"));
      const patched = applyPatch(base, patch);
      if (!reverted) {
        expect(patched.get(project.modulePath)).toBe(replayed.get(project.modulePath));
        expect(patched.get(project.testPath)).toBe(replayed.get(project.testPath));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it("varies outcomes the way curators need to filter them", () => {
    const statuses = new Set(batch.map((t) => t.info.exit_status));
    for (const status of ["submitted", "exit_cost", "submitted (exit_cost)"]) expect(statuses).toContain(status);
    const models = new Set(batch.map((t) => JSON.parse(t.replay_config).agent.model.name));
    expect(models.size).toBeGreaterThanOrEqual(5);
    expect(batch.some((t) => t.info.exit_status === "submitted" && t.info.submission === "")).toBe(true);
    expect(batch.some((t) => t.info.submission?.includes("diff --git a/tests/") || /diff --git a\/\S+\/tests\//.test(t.info.submission ?? ""))).toBe(true);
    const stuck = batch.some((t) => {
      const actions = t.trajectory.map((s) => s.action);
      return actions.some((a, i) => i >= 3 && a !== "" && actions.slice(i - 3, i + 1).every((b) => b === a));
    });
    expect(stuck).toBe(true);
    const failedTests = batch.some((t) => t.trajectory.some((s) => /=+ \d+ failed/.test(String(s.observation))));
    expect(failedTests).toBe(true);
  });

  it("occasionally leaks an API-key-shaped string into an observation", () => {
    const leaky = Array.from({ length: 10 }, (_, seed) => generate(seed, { secretChance: 1 }));
    for (const traj of leaky) expect(JSON.stringify(traj.trajectory)).toMatch(/sk-[A-Za-z0-9]{40}/);
  });
});
