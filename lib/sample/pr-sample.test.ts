import { describe, expect, it } from "vitest";
import { applyPatch, parsePatch } from "./diff-check";
import { generatePrSample, type PrSample } from "./pr-sample";
import { applyPrEdit } from "./pr-edits";
import { createRng } from "./random";

const samples: PrSample[] = Array.from({ length: 200 }, (_, seed) => generatePrSample(createRng(seed)));

describe("generatePrSample", () => {
  it("is deterministic for a seed", () => {
    expect(JSON.stringify(generatePrSample(createRng(1)))).toBe(JSON.stringify(samples[1]));
    expect(JSON.stringify(samples[1])).not.toBe(JSON.stringify(samples[2]));
  });

  it("fills the atelier-pr-v1 fields", () => {
    for (const s of samples) {
      expect(s.format).toBe("atelier-pr-v1");
      expect(s.id).toBe(`${s.repo.name.replace("/", "__")}-${s.pull_request.number}`);
      expect(s.repo.url).toBe(`https://github.com/${s.repo.name}`);
      expect(s.base_commit).toMatch(/^[0-9a-f]{40}$/);
      expect(s.pull_request.url).toBe(`${s.repo.url}/pull/${s.pull_request.number}`);
      expect(new Date(s.pull_request.merged_at).toISOString().replace(".000", "")).toBe(s.pull_request.merged_at);
      for (const c of s.commits) expect(c.sha).toMatch(/^[0-9a-f]{40}$/);
      if (s.issue) expect(s.issue.number).toBeLessThan(s.pull_request.number);
    }
    const languages = new Set(samples.map((s) => s.repo.language));
    expect([...languages].sort()).toEqual(["Go", "Python", "Rust", "TypeScript"]);
    const licenses = new Set(samples.map((s) => s.repo.license));
    for (const l of ["MIT", "Apache-2.0", "BSD-3-Clause", "GPL-3.0", null]) expect(licenses).toContain(l);
    const ops = new Set(samples.flatMap((s) => s.edits.map((e) => e.op)));
    expect([...ops].sort()).toEqual(["create", "delete", "insert", "rename", "str_replace"]);
    expect(samples.some((s) => s.issue === null)).toBe(true);
  });

  it("has edits that fit the file snapshots", () => {
    for (const s of samples) {
      const files = new Map(s.files.map((f) => [f.path, f.content]));
      for (const edit of s.edits) {
        if (edit.op === "str_replace") expect(files.get(edit.path)!.split(edit.old)).toHaveLength(2);
        if (edit.op === "insert") {
          const lineCount = files.get(edit.path)!.split("\n").length - 1;
          expect(edit.line).toBeGreaterThanOrEqual(0);
          expect(edit.line).toBeLessThanOrEqual(lineCount);
        }
        applyPrEdit(files, edit);
      }
    }
  });

  it("has commit diffs that are well-formed and equal to the edits", () => {
    for (const s of samples) {
      const fromEdits = new Map(s.files.map((f) => [f.path, f.content]));
      for (const edit of s.edits) applyPrEdit(fromEdits, edit);
      let fromDiffs: Map<string, string> = new Map(s.files.map((f) => [f.path, f.content]));
      for (const commit of s.commits) {
        expect(parsePatch(commit.diff).length).toBeGreaterThan(0);
        fromDiffs = applyPatch(fromDiffs, commit.diff);
      }
      expect(Object.fromEntries(fromDiffs)).toEqual(Object.fromEntries(fromEdits));
    }
  });
});
