import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/auth/api-keys";
import { disconnect, prisma } from "@/lib/db";
import { GET as getBatch, DELETE as undoBatch } from "./[id]/route";
import { GET as listBatches, POST as postImport } from "./route";

const run = randomBytes(4).toString("hex");
const noParams = { params: Promise.resolve({}) };

afterAll(() => disconnect());

function miniTrajectory(instanceId: string) {
  return JSON.stringify({
    trajectory_format: "mini-swe-agent-1",
    instance_id: instanceId,
    info: { exit_status: "Submitted", submission: "", model_stats: { instance_cost: 0.01, api_calls: 1 } },
    messages: [
      { role: "user", content: `<pr_description>Task ${instanceId}</pr_description>` },
      { role: "assistant", content: "```bash\nls\n```" },
      { role: "user", content: "<returncode>0</returncode>\n<output>\na.py\n</output>" },
    ],
  });
}

async function keyFor(role: "viewer" | "reviewer") {
  return (await createApiKey({ name: `imports-test-${role}-${run}`, role })).key;
}

async function waitForBatch(id: number, key: string) {
  for (let i = 0; i < 200; i++) {
    const response = await getBatch(new Request(`http://test/api/imports/${id}`, { headers: { authorization: `Bearer ${key}` } }), {
      params: Promise.resolve({ id: String(id) }),
    });
    const batch = await response.json();
    if (batch.status !== "running") return batch;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("batch did not finish");
}

describe("POST /api/imports", () => {
  it("refuses anonymous callers and viewers", async () => {
    const anonymous = await postImport(new Request("http://test/api/imports", { method: "POST", body: "{}" }), noParams);
    expect(anonymous.status).toBe(401);
    const viewer = await keyFor("viewer");
    const refused = await postImport(new Request("http://test/api/imports", { method: "POST", body: "{}", headers: { authorization: `Bearer ${viewer}` } }), noParams);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: "forbidden" } });
  });

  it("imports multipart uploads in the background, reports progress, and undoes the batch", async () => {
    const key = await keyFor("reviewer");
    const form = new FormData();
    form.append("file", new Blob([`${miniTrajectory(`${run}__m-1`)}\n${miniTrajectory(`${run}__m-2`)}\n`]), "runs.jsonl");
    form.append("file", new Blob([miniTrajectory(`${run}__m-3`)]), "one.traj.json");
    const response = await postImport(new Request("http://test/api/imports", { method: "POST", body: form, headers: { authorization: `Bearer ${key}` } }), noParams);
    expect(response.status).toBe(202);
    const { batchId } = await response.json();
    const batch = await waitForBatch(batchId, key);
    expect(batch).toMatchObject({ status: "committed", imported: 3, invalid: 0, source: "api" });
    expect(batch.files.map((f: { name: string; format: string }) => [f.name, f.format])).toEqual([
      ["runs.jsonl", "mini-swe-agent"],
      ["one.traj.json", "mini-swe-agent"],
    ]);

    const list = await listBatches(new Request("http://test/api/imports", { headers: { authorization: `Bearer ${key}` } }), noParams);
    expect((await list.json()).items.some((b: { id: number }) => b.id === batchId)).toBe(true);

    const undo = await undoBatch(new Request(`http://test/api/imports/${batchId}`, { method: "DELETE", headers: { authorization: `Bearer ${key}` } }), {
      params: Promise.resolve({ id: String(batchId) }),
    });
    expect(await undo.json()).toEqual({ episodes: 3, attachments: 0 });
    expect(await prisma.episode.count({ where: { instanceId: { startsWith: `${run}__m-` } } })).toBe(0);
    const again = await undoBatch(new Request(`http://test/api/imports/${batchId}`, { method: "DELETE", headers: { authorization: `Bearer ${key}` } }), {
      params: Promise.resolve({ id: String(batchId) }),
    });
    expect(again.status).toBe(409);
  });

  it("takes a raw body named by ?filename= and rejects bad records with their line", async () => {
    const key = await keyFor("reviewer");
    const body = `${miniTrajectory(`${run}__r-1`)}\n{"broken": \n`;
    const response = await postImport(
      new Request("http://test/api/imports?filename=raw.jsonl", { method: "POST", body, headers: { authorization: `Bearer ${key}`, "content-type": "application/x-ndjson" } }),
      noParams,
    );
    const batch = await waitForBatch((await response.json()).batchId, key);
    expect(batch.status).toBe("failed");
    expect(batch.errors.list[0]).toMatchObject({ file: "raw.jsonl", line: 2 });
    expect(await prisma.episode.count({ where: { instanceId: `${run}__r-1` } })).toBe(0);
  });

  it("names an unknown --format as a 422", async () => {
    const key = await keyFor("reviewer");
    const response = await postImport(new Request("http://test/api/imports?format=nope", { method: "POST", body: "{}", headers: { authorization: `Bearer ${key}` } }), noParams);
    expect(response.status).toBe(422);
    expect((await response.json()).error.message).toMatch(/Unknown format "nope"/);
  });
});

describe("undo and side files", () => {
  it("undoing a report's batch restores the episode's recorded outcome", async () => {
    const key = await keyFor("reviewer");
    const instanceId = `${run}__u-1`;
    const upload = async (name: string, content: string) => {
      const form = new FormData();
      form.append("file", new Blob([content]), name);
      const response = await postImport(new Request("http://test/api/imports", { method: "POST", body: form, headers: { authorization: `Bearer ${key}` } }), noParams);
      return waitForBatch((await response.json()).batchId, key);
    };
    await upload("u.traj.json", miniTrajectory(instanceId));
    const tests = (success: string[], failure: string[]) => ({ success, failure });
    const report = await upload(
      "report.json",
      JSON.stringify({
        [instanceId]: {
          patch_is_None: false,
          patch_exists: true,
          patch_successfully_applied: true,
          resolved: false,
          tests_status: { FAIL_TO_PASS: tests(["t1"], []), PASS_TO_PASS: tests(["t2"], ["t3"]), FAIL_TO_FAIL: tests([], []), PASS_TO_FAIL: tests([], []) },
        },
      }),
    );
    expect(report.files[0]).toMatchObject({ format: "swebench-instance-report", attachments: 1 });
    const withReport = await prisma.episode.findFirstOrThrow({ where: { instanceId } });
    expect(withReport).toMatchObject({ resolved: false, f2pPass: 1, p2pFail: 1 });
    expect(withReport.qualityFlags).toContain("regression");

    await undoBatch(new Request(`http://test/api/imports/${report.id}`, { method: "DELETE", headers: { authorization: `Bearer ${key}` } }), {
      params: Promise.resolve({ id: String(report.id) }),
    });
    const after = await prisma.episode.findFirstOrThrow({ where: { instanceId } });
    expect(after).toMatchObject({ resolved: null, f2pPass: null, p2pFail: null });
    expect(after.qualityFlags).not.toContain("regression");
  });
});
