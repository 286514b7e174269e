import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { expandPaths, globToRegExp, MissingPathError } from "./expand-paths";

describe("expandPaths", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "atelier-expand-"));
  fs.mkdirSync(path.join(root, "runs", "a"), { recursive: true });
  for (const f of ["runs/a/x.traj", "runs/a/notes.txt", "runs/b.jsonl", "top.json"]) fs.writeFileSync(path.join(root, f), "{}");

  it("walks folders for importable files only", () => {
    expect(expandPaths([path.join(root, "runs")])).toEqual([path.join(root, "runs/a/x.traj"), path.join(root, "runs/b.jsonl")]);
  });
  it("expands globs, including **", () => {
    expect(expandPaths([path.join(root, "**/*.traj")])).toEqual([path.join(root, "runs/a/x.traj")]);
    expect(expandPaths([path.join(root, "*.json")])).toEqual([path.join(root, "top.json")]);
  });
  it("names what is missing", () => {
    expect(() => expandPaths([path.join(root, "nope.jsonl")])).toThrow(MissingPathError);
    expect(() => expandPaths([path.join(root, "*.parquet")])).toThrow(/no files match/);
  });
  it("builds anchored patterns", () => {
    expect(globToRegExp("/a/*.json").test("/a/b.json")).toBe(true);
    expect(globToRegExp("/a/*.json").test("/a/c/b.json")).toBe(false);
  });
});
