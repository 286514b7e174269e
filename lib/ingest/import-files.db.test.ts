import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { disconnect, prisma } from "@/lib/db";
import { fixturePath, hasFixtures } from "@/lib/testing/fixtures";
import { importFiles } from "./import-files";
import { formatImportError } from "./import-errors";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "atelier-import-test-"));

/** A uniquely named mini-swe-agent-1 trajectory, so this test's data is its own. */
function miniTrajectory(instanceId: string, extra = ""): string {
  return JSON.stringify({
    trajectory_format: "mini-swe-agent-1",
    instance_id: instanceId,
    info: { exit_status: "Submitted", submission: "", model_stats: { instance_cost: 0.01, api_calls: 1 }, config: { model: { model_name: "test/model" } } },
    messages: [
      { role: "system", content: "You are a helpful assistant." },
      { role: "user", content: `<pr_description>Fix the bug ${extra}</pr_description>` },
      { role: "assistant", content: "THOUGHT: look around\n\n```bash\nls\n```" },
      { role: "user", content: "<returncode>0</returncode>\n<output>\nsetup.py\n</output>" },
    ],
  });
}

function write(name: string, content: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

async function countFor(instanceIds: string[]) {
  return prisma.episode.count({ where: { instanceId: { in: instanceIds } } });
}

afterAll(async () => {
  await disconnect();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("importFiles", () => {
  const run = `t${Date.now().toString(36)}`;

  it("imports a JSONL file, stores steps and reports re-imports as duplicates", async () => {
    const ids = [`${run}__a-1`, `${run}__a-2`];
    const file = write(`${run}-a.jsonl`, ids.map((id) => miniTrajectory(id)).join("\n") + "\n");
    const first = await importFiles([{ path: file }], { source: "cli" });
    expect(first.status).toBe("committed");
    expect(first.imported).toBe(2);
    expect(first.files[0].format).toBe("mini-swe-agent");
    const episode = await prisma.episode.findFirstOrThrow({ where: { instanceId: ids[0] }, include: { steps: { orderBy: { idx: "asc" } } } });
    expect(episode.stepCount).toBe(4);
    expect(episode.steps.map((s) => s.kind)).toEqual(["message", "message", "tool_call", "observation"]);
    expect(episode.steps[2].toolName).toBe("bash");
    expect(episode.steps[3].exitCode).toBe(0);
    expect(episode.exitStatusClass).toBe("submitted");

    const again = await importFiles([{ path: file }], { source: "cli" });
    expect(again.status).toBe("committed");
    expect(again.imported).toBe(0);
    expect(again.duplicates).toBe(2);
    expect(await countFor(ids)).toBe(2);
  });

  it("rejects a batch with a bad record, lists it as file:line, and lands nothing", async () => {
    const ids = [`${run}__b-1`, `${run}__b-2`];
    const file = write(`${run}-b.jsonl`, [miniTrajectory(ids[0]), '{"trajectory_format": "mini-swe-agent-1", "messages": [', miniTrajectory(ids[1])].join("\n"));
    const summary = await importFiles([{ path: file, name: "b.jsonl" }], { source: "cli" });
    expect(summary.status).toBe("failed");
    expect(summary.invalid).toBe(1);
    expect(formatImportError(summary.errors[0])).toMatch(/^b\.jsonl:2: invalid JSON/);
    expect(await countFor(ids)).toBe(0);
    const batch = await prisma.importBatch.findUniqueOrThrow({ where: { id: summary.batchId } });
    expect(batch.status).toBe("failed");

    const skipping = await importFiles([{ path: file, name: "b.jsonl" }], { source: "cli", skipInvalid: true });
    expect(skipping.status).toBe("committed");
    expect(skipping.imported).toBe(2);
    expect(await countFor(ids)).toBe(2);
  });

  it("reports garbage files precisely instead of crashing", async () => {
    const cases: [string, string | Buffer, RegExp][] = [
      ["empty.jsonl", "", /empty/],
      ["binary.json", Buffer.from([0x7b, 0x00, 0x01, 0x02, 0xff, 0xfe, 0x00]), /binary/],
      ["text.json", "hello world", /not JSON or JSONL/],
      ["truncated.json", '[{"messages": []}, {"messages": [', /truncated|element 1|unknown format/],
      ["unknown.json", '{"hello": "world"}', /unknown format/],
    ];
    for (const [name, content, pattern] of cases) {
      const summary = await importFiles([{ path: write(`${run}-${name}`, content as string), name }], { source: "cli" });
      expect(summary.status, name).toBe("failed");
      expect(summary.errors.map(formatImportError).join("\n"), name).toMatch(pattern);
    }
  });

  it("stores text PostgreSQL would refuse (NUL, unpaired surrogates) visibly replaced", async () => {
    const id = `${run}__n-1`;
    const record = miniTrajectory(id).replace("setup.py", "bin\\u0000ary \\ud83d cut");
    const summary = await importFiles([{ path: write(`${run}-n.jsonl`, record), name: "n.jsonl" }], { source: "cli" });
    expect(summary.status).toBe("committed");
    const episode = await prisma.episode.findFirstOrThrow({ where: { instanceId: id }, include: { steps: { orderBy: { idx: "asc" } } } });
    expect(episode.steps[3].text).toContain("bin\uFFFDary \uFFFD cut");
  });

  it("names the field of a record with wrong types", async () => {
    const bad = JSON.stringify({ trajectory_format: "mini-swe-agent-1", instance_id: `${run}__w-1`, messages: "not a list", info: {} });
    const file = write(`${run}-w.jsonl`, `${miniTrajectory(`${run}__w-0`)}\n${bad}\n`);
    const summary = await importFiles([{ path: file, name: "w.jsonl" }], { source: "cli" });
    expect(summary.status).toBe("failed");
    expect(formatImportError(summary.errors[0])).toMatch(/^w\.jsonl:2: messages: /);
    expect(await countFor([`${run}__w-0`])).toBe(0);
  });

  it("survives a 100 MB single line of garbage", async () => {
    const file = path.join(dir, `${run}-huge.jsonl`);
    const handle = fs.openSync(file, "w");
    fs.writeSync(handle, '{"messages": "');
    const block = "x".repeat(1024 * 1024);
    for (let i = 0; i < 100; i++) fs.writeSync(handle, block);
    fs.closeSync(handle);
    const summary = await importFiles([{ path: file, name: "huge.jsonl" }], { source: "cli" });
    expect(summary.status).toBe("failed");
    expect(summary.errors.map(formatImportError).join("\n")).toMatch(/huge\.jsonl(:1)?: (invalid JSON|unknown format|.*truncated|.*over the \d+-byte limit)/);
  });

  it("reports an over-long line without loading it", async () => {
    const ids = [`${run}__c-1`];
    const file = write(`${run}-c.jsonl`, `${miniTrajectory(ids[0])}\n{"x": "${"y".repeat(2 * 1024 * 1024)}"}\n`);
    const summary = await importFiles([{ path: file, name: "c.jsonl" }], { source: "cli", maxRecordBytes: 1024 * 1024 });
    expect(summary.status).toBe("failed");
    expect(formatImportError(summary.errors[0])).toMatch(/^c\.jsonl:2: record is \d+ bytes, over the 1048576-byte limit/);
  });
});

describe.skipIf(!hasFixtures)("importFiles on the real fixtures", () => {
  it("attaches SWE-bench reports to their episodes, whichever arrives first", async () => {
    // The report first: it is kept until its episode arrives.
    const report = await importFiles([{ path: fixturePath("08_swebench-instance-report_django__django-16950.json") }], { source: "cli" });
    expect(report.status).toBe("committed");
    const trajectory = await importFiles([{ path: fixturePath("07_mini-swe-agent-1_django__django-16950.traj.json") }], { source: "cli" });
    expect(trajectory.status).toBe("committed");
    const episode = await prisma.episode.findFirstOrThrow({ where: { instanceId: "django__django-16950" } });
    expect(episode.resolved).toBe(false);
    expect(episode.p2pFail).toBe(3);
    expect(episode.qualityFlags).toContain("regression");
    expect(episode.qualityFlags).not.toContain("stuck_loop");
  });
});
