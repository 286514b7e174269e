/** The CLI as a user runs it: exit codes, the per-file summary and --json. */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fixturePath, hasFixtures } from "@/lib/testing/fixtures";

function atelier(...args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/atelier.ts", ...args], {
    env: { ...process.env },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("npm run atelier -- import", () => {
  it("exits 1 with file:line errors when a record is bad, and 0 when everything landed", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "atelier-cli-"));
    const id = `cli${Date.now().toString(36)}__x-1`;
    const good = JSON.stringify({
      trajectory_format: "mini-swe-agent-1",
      instance_id: id,
      info: { exit_status: "Submitted", submission: "" },
      messages: [{ role: "user", content: "task" }],
    });
    fs.writeFileSync(path.join(dir, "mixed.jsonl"), `${good}\n{oops\n`);
    const rejected = atelier("import", path.join(dir, "mixed.jsonl"));
    expect(rejected.code).toBe(1);
    expect(rejected.stderr).toMatch(/mixed\.jsonl:2: invalid JSON/);
    expect(rejected.stdout).toMatch(/rejected: nothing was imported/);

    const skipped = atelier("import", path.join(dir, "mixed.jsonl"), "--skip-invalid", "--json");
    expect(skipped.code).toBe(1);
    const summary = JSON.parse(skipped.stdout);
    expect(summary).toMatchObject({ status: "committed", imported: 1, invalid: 1 });
    expect(summary.errors[0]).toMatch(/mixed\.jsonl:2: invalid JSON/);

    fs.writeFileSync(path.join(dir, "good.jsonl"), `${good}\n`);
    const again = atelier("import", path.join(dir, "good.jsonl"), "--json");
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ status: "committed", imported: 0, duplicates: 1 });
  });

  it("says which paths do not exist", () => {
    const result = atelier("import", "/nonexistent/atelier/file.jsonl");
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/no such file or folder/);
  });

  it.skipIf(!hasFixtures)("takes a folder and a --format override", () => {
    const result = atelier("import", fixturePath("02_swe-agent-v0_all_preds.jsonl"), "--format", "swebench-predictions", "--json");
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).files[0].format).toBe("swebench-predictions");
    const unknown = atelier("import", fixturePath("02_swe-agent-v0_all_preds.jsonl"), "--format", "nope");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/Unknown format "nope"/);
  });
});
