import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnect, prisma } from "@/lib/db";
import { importFiles } from "@/lib/ingest/import-files";
import { fixturePath, hasFixtures } from "@/lib/testing/fixtures";
import { readStepWindow, RESPONSE_BUDGET_CHARS, stepWindowQuerySchema } from "./read-steps";
import { searchSteps } from "./search-steps";
import { FIELD_CAP_CHARS } from "./step-caps";

const run = `r${randomBytes(4).toString("hex")}`;
const PAIRS = 500;
let bigId: number;

/** A 1,001-step mini-swe-agent run of about 10 MB: 10 KB outputs, one of 1 MB, a marker in step 700. */
function bigTrajectory(): string {
  const messages: unknown[] = [{ role: "user", content: `<pr_description>Big ${run}</pr_description>` }];
  for (let p = 0; p < PAIRS; p++) {
    messages.push({ role: "assistant", content: `THOUGHT: look ${p}\n\n\`\`\`bash\ncat file${p}.txt\n\`\`\`` });
    const body = p === 10 ? "y\n".repeat(500_000) : `${p === 349 ? `needle${run} ` : ""}${"x".repeat(79)}\n`.repeat(125);
    messages.push({ role: "user", content: `<returncode>0</returncode>\n<output>\n${body}</output>` });
  }
  return JSON.stringify({ trajectory_format: "mini-swe-agent-1", instance_id: `${run}__big`, info: { exit_status: "Submitted", submission: "" }, messages });
}

beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "atelier-viewer-test-"));
  const file = path.join(dir, `${run}.traj.json`);
  fs.writeFileSync(file, bigTrajectory());
  const summary = await importFiles([{ path: file }], { source: "cli" });
  fs.rmSync(dir, { recursive: true, force: true });
  expect(summary.status).toBe("committed");
  bigId = (await prisma.episode.findFirstOrThrow({ where: { instanceId: `${run}__big` } })).id;
});
afterAll(() => disconnect());

const query = (params: Record<string, string>) => stepWindowQuerySchema.parse(params);
const responseChars = (window: unknown) => JSON.stringify(window).length;

describe("readStepWindow", () => {
  it("reads a range in order with typed parts and no raw text column", async () => {
    const window = await readStepWindow(bigId, query({ from: "1", limit: "4" }));
    expect(window.to).toBe(5);
    expect(window.steps.map((s) => [s.idx, s.kind])).toEqual([
      [1, "tool_call"],
      [2, "observation"],
      [3, "tool_call"],
      [4, "observation"],
    ]);
    expect(window.steps[0].parts.find((p) => p.type === "tool_call")).toMatchObject({ name: "bash", arguments: { command: "cat file0.txt" } });
    expect(window.steps[1]).toMatchObject({ exitCode: 0, clips: [] });
    expect(window.steps[0]).not.toHaveProperty("text");
  });

  it("cuts a 1 MB observation to head and tail and says what is missing; full=true sends it whole", async () => {
    const [step] = (await readStepWindow(bigId, query({ from: "22", limit: "1" }))).steps;
    const observation = step.parts[0];
    expect(observation.type === "observation" && observation.text.length).toBe(FIELD_CAP_CHARS);
    expect(step.clips).toEqual([{ part: 0, field: "text", at: 48_000, omittedChars: expect.any(Number), omittedLines: expect.any(Number) }]);
    const [full] = (await readStepWindow(bigId, query({ from: "22", limit: "1", full: "true" }))).steps;
    expect(full.clips).toEqual([]);
    const fullText = full.parts[0].type === "observation" ? full.parts[0].text : "";
    expect(fullText.length).toBe(FIELD_CAP_CHARS + step.clips[0].omittedChars);
    expect(step.clips[0].omittedLines).toBe(fullText.slice(48_000, 48_000 + step.clips[0].omittedChars).split("\n").length - 1);
  });

  it("stops a wide range at the response budget and tells the client where to go on", async () => {
    const window = await readStepWindow(bigId, query({ from: "0", limit: "500" }));
    expect(window.to).toBeLessThan(500);
    expect(window.steps.at(-1)!.idx).toBe(window.to - 1);
    expect(responseChars(window)).toBeLessThan(RESPONSE_BUDGET_CHARS * 1.2);
    const rest = await readStepWindow(bigId, query({ from: String(window.to), limit: "50" }));
    expect(rest.steps[0].idx).toBe(window.to);
  });

  it("ends at the episode's last step", async () => {
    const window = await readStepWindow(bigId, query({ from: String(2 * PAIRS - 2), limit: "50" }));
    expect(window.steps.map((s) => s.idx)).toEqual([2 * PAIRS - 2, 2 * PAIRS - 1, 2 * PAIRS]);
    expect(window.to).toBe(2 * PAIRS + 48);
  });

  it("refuses full=true for more than one step", () => {
    expect(stepWindowQuerySchema.safeParse({ from: "0", limit: "2", full: "true" }).success).toBe(false);
  });
});

describe("searchSteps", () => {
  it("finds the steps containing a text, case-insensitively", async () => {
    expect(await searchSteps(bigId, `NEEDLE${run}`)).toEqual({ steps: [700], total: 1 });
    expect((await searchSteps(bigId, "cat file49")).steps.slice(0, 2)).toEqual([99, 981]);
    expect(await searchSteps(bigId, `nothing${run}`)).toEqual({ steps: [], total: 0 });
  });
});

describe.skipIf(!hasFixtures)("the 2 MB fixture", () => {
  it("comes in windows of 50 steps under the budget, its 868 KB submission cut", async () => {
    await importFiles([{ path: fixturePath("09_mini-swe-agent-1_psf__requests-1142_HUGE.traj.json") }], { source: "cli" });
    const episode = await prisma.episode.findFirstOrThrow({ where: { instanceId: "psf__requests-1142", sourceFormat: "mini-swe-agent" } });
    for (let from = 0; from < episode.stepCount; from += 50) {
      const window = await readStepWindow(episode.id, query({ from: String(from), limit: "50" }));
      expect(window.steps[0].idx).toBe(from);
      expect(responseChars(window)).toBeLessThan(RESPONSE_BUDGET_CHARS * 1.2);
    }
    const last = await readStepWindow(episode.id, query({ from: String(episode.stepCount - 1), limit: "1" }));
    expect(last.steps[0].clips.length).toBeGreaterThan(0);
  });
});
