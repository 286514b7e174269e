import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { disconnect, prisma } from "@/lib/db";
import { sweAgentFormat } from "@/lib/formats/swe-agent";
import { prSampleFormat } from "@/lib/formats/pr-sample";
import { importFiles } from "@/lib/ingest/import-files";
import { createInstance } from "@/lib/sample/instance";
import { generatePrSample } from "@/lib/sample/pr-sample";
import { createRng } from "@/lib/sample/random";
import { generateSweAgentTraj } from "@/lib/sample/swe-agent-rollout";
import { getStepSignatures } from "./step-signatures";
import { signatureOfStep } from "./step-signature-of";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "atelier-compare-test-"));
const run = `c${Date.now().toString(36)}`;

afterAll(async () => {
  await disconnect();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function importRecord(name: string, record: unknown) {
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify(record));
  const summary = await importFiles([{ path: file }], { source: "cli" });
  expect(summary.status).toBe("committed");
}

function parsed(format: typeof sweAgentFormat, record: unknown) {
  const result = format.parse(record, { fileName: "x", location: 1 });
  if (result.type !== "episodes") throw new Error("expected episodes");
  return result.episodes[0];
}

describe("getStepSignatures", () => {
  it("reads from the stored steps what the parsed steps say (SWE-agent: bash and editor calls)", async () => {
    const instance = { ...createInstance(createRng(11)), instanceId: `${run}__swe-1` };
    const traj = generateSweAgentTraj(createRng(12), { instance, medianSteps: 12 });
    await importRecord(`${run}.traj`, traj);
    const episode = await prisma.episode.findFirstOrThrow({ where: { instanceId: instance.instanceId } });
    const stored = await getStepSignatures(episode.id);
    expect(stored).toEqual(parsed(sweAgentFormat, traj).steps.map(signatureOfStep));
    expect(stored.some((s) => s.tool === "str_replace_editor" && /^(view|str_replace|create) \//.test(s.detail))).toBe(true);
  });

  it("names pull-request edits by their path", async () => {
    const sample = { ...generatePrSample(createRng(13)), id: `${run}__pr-1` };
    await importRecord(`${run}-pr.json`, sample);
    const episode = await prisma.episode.findFirstOrThrow({ where: { instanceId: sample.id } });
    const stored = await getStepSignatures(episode.id);
    expect(stored).toEqual(parsed(prSampleFormat, sample).steps.map(signatureOfStep));
    const edits = stored.filter((s) => s.kind === "file_edit");
    expect(edits.map((s) => s.detail)).toEqual(sample.edits.map((e) => e.path));
  });
});
