import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sampleCorpusFiles, writeSyntheticCorpus } from "./corpus";

const digest = (text: string) => createHash("sha256").update(text).digest("hex");
const tmpDirs: string[] = [];
const tmp = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "atelier-sample-"));
  tmpDirs.push(dir);
  return dir;
};
afterAll(() => tmpDirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

describe("sampleCorpusFiles", () => {
  const files = sampleCorpusFiles();

  it("is byte-identical for the same seed", () => {
    expect(digest(JSON.stringify(sampleCorpusFiles(42)))).toBe(digest(JSON.stringify(files)));
    expect(digest(JSON.stringify(sampleCorpusFiles(7)))).not.toBe(digest(JSON.stringify(files)));
  });

  it("holds SWE-agent, mini-swe-agent and PR files under 5 MB", () => {
    const names = files.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.filter((n) => n.endsWith(".traj"))).toHaveLength(40);
    expect(names.filter((n) => n.endsWith(".traj.json"))).toHaveLength(10);
    const total = files.reduce((sum, f) => sum + Buffer.byteLength(f.content), 0);
    expect(total).toBeLessThan(5_000_000);
    const prs = files.find((f) => f.name === "pr-samples.jsonl")!.content.trimEnd().split("\n");
    expect(prs).toHaveLength(30);
    for (const line of prs) expect(JSON.parse(line).format).toBe("atelier-pr-v1");
  });

  it("contains rollout groups: one instance attempted by several models", () => {
    const runs = files.filter((f) => f.name.endsWith(".traj")).map((f) => JSON.parse(f.content));
    const byInstance = new Map<string, Set<string>>();
    for (const run of runs) {
      const models = byInstance.get(run.environment) ?? new Set();
      models.add(JSON.parse(run.replay_config).agent.model.name);
      byInstance.set(run.environment, models);
    }
    const groups = [...byInstance.values()].filter((models) => models.size > 1);
    expect(groups.length).toBeGreaterThanOrEqual(2);
  });
});

describe("writeSyntheticCorpus", () => {
  it("streams about the target size of valid JSONL", async () => {
    const dir = tmp();
    const progress: number[] = [];
    const target = 2 * 1024 * 1024;
    const result = await writeSyntheticCorpus(dir, { targetBytes: target, seed: 5, stepMessages: "none", onProgress: (b) => progress.push(b) });
    const onDisk = result.files.reduce((sum, f) => sum + fs.statSync(f).size, 0);
    expect(onDisk).toBe(result.bytes);
    expect(result.bytes).toBeGreaterThanOrEqual(target);
    let largest = 0;
    let lines = 0;
    for (const file of result.files) {
      expect(path.basename(file)).toMatch(/^(rollouts|mini|pr)-\d{3}\.jsonl$/);
      for (const line of fs.readFileSync(file, "utf8").trimEnd().split("\n")) {
        expect(() => JSON.parse(line)).not.toThrow();
        largest = Math.max(largest, Buffer.byteLength(line) + 1);
        lines++;
      }
    }
    // It stops at the first record that reaches the target.
    expect(result.bytes - largest).toBeLessThan(target);
    expect(lines).toBe(result.episodes);
    expect(progress.at(-1)).toBe(result.bytes);
  });

  it("rolls over to a new file at maxFileBytes and is deterministic", async () => {
    const options = { targetBytes: 600_000, seed: 9, stepMessages: "none" as const, maxFileBytes: 200_000 };
    const a = await writeSyntheticCorpus(tmp(), options);
    const b = await writeSyntheticCorpus(tmp(), options);
    expect(a.files.filter((f) => path.basename(f).startsWith("rollouts")).length).toBeGreaterThan(1);
    expect(a.files.map((f) => digest(fs.readFileSync(f, "utf8")))).toEqual(b.files.map((f) => digest(fs.readFileSync(f, "utf8"))));
  });
});
