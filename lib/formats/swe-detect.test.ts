/** Each module of this family claims its own real fixtures and nothing else among fixtures 01-12. */
import { describe, expect, it } from "vitest";
import { hasFixtures, readFixtureJson, readFixtureJsonl } from "@/lib/testing/fixtures";
import type { Container, FormatModule } from "./format-module";
import { miniSweAgentFormat } from "./mini-swe-agent";
import { r2eGymFormat } from "./r2e-gym";
import { sweAgentFormat } from "./swe-agent";
import { swebenchInstanceReportFormat, swebenchPredictionsFormat, swebenchRunReportFormat } from "./swebench";

const owners: Record<string, FormatModule | null> = {
  "01_swe-agent-v0_pydicom__pydicom-1458.traj": sweAgentFormat,
  "02_swe-agent-v0_all_preds.jsonl": swebenchPredictionsFormat,
  "03_swe-agent-v1.0.1_pandas-dev__pandas.95280573.pr_53856.traj": sweAgentFormat,
  "04_swe-smith_run-level-report.json": swebenchRunReportFormat,
  "05_mini-swe-agent-1_django__django-15731.traj.json": miniSweAgentFormat,
  "06_swebench-instance-report_django__django-15731.json": swebenchInstanceReportFormat,
  "07_mini-swe-agent-1_django__django-16950.traj.json": miniSweAgentFormat,
  "08_swebench-instance-report_django__django-16950.json": swebenchInstanceReportFormat,
  "09_mini-swe-agent-1_psf__requests-1142_HUGE.traj.json": miniSweAgentFormat,
  "10_openhands-v0_multi-swe-bench_output.jsonl": null,
  "11_openhands-v0_event-stream_basic.json": null,
  "12_swe-gym_openhands-sampled-trajectories_5rows.json": null,
};

const modules = [
  sweAgentFormat,
  miniSweAgentFormat,
  r2eGymFormat,
  swebenchPredictionsFormat,
  swebenchInstanceReportFormat,
  swebenchRunReportFormat,
];

/** The first record as ingest splits the file. */
function firstRecord(fileName: string): { sample: unknown; container: Container } {
  if (fileName.endsWith(".jsonl")) return { sample: readFixtureJsonl(fileName)[0], container: "jsonl" };
  const value = readFixtureJson(fileName);
  return Array.isArray(value) ? { sample: value[0], container: "json-array" } : { sample: value, container: "document" };
}

describe.skipIf(!hasFixtures)("detect on fixtures 01-12", () => {
  for (const [fileName, owner] of Object.entries(owners)) {
    it(`${fileName} is claimed by ${owner?.name ?? "none of these modules"}`, () => {
      const { sample, container } = firstRecord(fileName);
      for (const module of modules) {
        const confidence = module.detect(sample, { fileName, container });
        if (module === owner) expect(confidence, module.name).toBeGreaterThanOrEqual(0.9);
        else expect(confidence, module.name).toBe(0);
      }
    });
  }
});

describe("detect on odd samples", () => {
  it.each([null, 3, "text", [], {}])("every module answers 0 for %j", (sample) => {
    for (const module of modules) expect(module.detect(sample, { fileName: "x.json", container: "document" })).toBe(0);
  });

  it("a chat dataset row with a `trajectory` turn list is not SWE-agent", () => {
    const row = { trajectory: [{ role: "ai", text: "hi" }], info: {}, history: [] };
    expect(sweAgentFormat.detect(row, { fileName: "x.jsonl", container: "jsonl" })).toBe(0);
  });

  it("a chat row carrying model_patch is not a prediction", () => {
    const row = { instance_id: "a__b-1", model_patch: "p", messages: [] };
    expect(swebenchPredictionsFormat.detect(row, { fileName: "x.jsonl", container: "jsonl" })).toBe(0);
  });
});
