import { describe, expect, it } from "vitest";
import { hasFixtures, readFixtureJson, readFixtureJsonl } from "@/lib/testing/fixtures";
import type { Attachment, FormatModule, ParsedRecord } from "./format-module";
import { swebenchInstanceReportFormat, swebenchPredictionsFormat, swebenchRunReportFormat } from "./swebench";

function attachmentsOf(module: FormatModule, record: unknown, fileName = "side.json"): Attachment[] {
  const result: ParsedRecord = module.parse(record, { fileName, location: 1 });
  if (result.type !== "attachments") throw new Error("expected attachments");
  return result.attachments;
}

function submissionOf(fileName: string): string {
  const traj = readFixtureJson(fileName) as { info: { submission: string } };
  return traj.info.submission;
}

describe.skipIf(!hasFixtures)("swebench side-file fixtures", () => {
  it("02: one prediction whose patch is 01's submission", () => {
    const lines = readFixtureJsonl("02_swe-agent-v0_all_preds.jsonl");
    expect(lines).toHaveLength(1);
    const [prediction] = attachmentsOf(swebenchPredictionsFormat, lines[0], "all_preds.jsonl");
    expect(prediction).toEqual({
      instanceId: "pydicom__pydicom-1458",
      model: "gpt4__swe-bench-dev-easy_first_only__default__t-0.00__p-0.95__c-3.00__install-1",
      source: "prediction",
      patch: submissionOf("01_swe-agent-v0_pydicom__pydicom-1458.traj"),
    });
  });

  it("04: SWE-smith run report, 3 resolved and 50 unresolved, 03's instance among them", () => {
    const attachments = attachmentsOf(swebenchRunReportFormat, readFixtureJson("04_swe-smith_run-level-report.json"));
    expect(attachments.filter((a) => a.resolved === true)).toHaveLength(3);
    expect(attachments.filter((a) => a.resolved === false)).toHaveLength(50);
    expect(attachments.every((a) => a.source === "run_report" && a.model === null)).toBe(true);
    expect(attachments.find((a) => a.instanceId === "pandas-dev__pandas.95280573.pr_53856")?.resolved).toBe(false);
  });

  it("06: flat report, id from the file name, resolved with F2P 1/1 and P2P 58/58", () => {
    const [report] = attachmentsOf(
      swebenchInstanceReportFormat,
      readFixtureJson("06_swebench-instance-report_django__django-15731.json"),
      "06_swebench-instance-report_django__django-15731.json",
    );
    expect(report).toMatchObject({ instanceId: "django__django-15731", model: null, source: "instance_report", resolved: true });
    expect(report.failToPass?.success).toHaveLength(1);
    expect(report.failToPass?.failure).toHaveLength(0);
    expect(report.passToPass?.success).toHaveLength(58);
    expect(report.passToPass?.failure).toHaveLength(0);
  });

  it("08: unresolved despite an applied patch, with 3 PASS_TO_PASS regressions", () => {
    const [report] = attachmentsOf(
      swebenchInstanceReportFormat,
      readFixtureJson("08_swebench-instance-report_django__django-16950.json"),
      "logs/django__django-16950/report.json",
    );
    expect(report.instanceId).toBe("django__django-16950");
    expect(report.resolved).toBe(false);
    expect(report.failToPass).toEqual({ success: [expect.any(String)], failure: [] });
    expect(report.passToPass?.failure).toHaveLength(3);
    expect(report.failToFail).toEqual({ success: [], failure: [] });
  });
});

describe("swebench predictions", () => {
  const pred = (id: string) => ({ instance_id: id, model_patch: `patch ${id}`, model_name_or_path: "my-model" });

  it("reads an object keyed by instance id (preds.json)", () => {
    const record = { "a__b-1": pred("a__b-1"), "c__d-2": { model_patch: null, model_name_or_path: "my-model" } };
    expect(swebenchPredictionsFormat.detect(record, { fileName: "preds.json", container: "document" })).toBeGreaterThan(0.8);
    expect(attachmentsOf(swebenchPredictionsFormat, record)).toEqual([
      { instanceId: "a__b-1", model: "my-model", source: "prediction", patch: "patch a__b-1" },
      { instanceId: "c__d-2", model: "my-model", source: "prediction", patch: null },
    ]);
  });

  it("reads a single .pred object and a JSON-list element alike", () => {
    expect(attachmentsOf(swebenchPredictionsFormat, pred("x__y-3"), "x__y-3.pred")).toHaveLength(1);
    expect(swebenchPredictionsFormat.detect(pred("x__y-3"), { fileName: "preds.json", container: "json-array" })).toBe(0.95);
  });

  it.each([
    [null, "$"],
    [{ model_patch: "p" }, "instance_id"],
    [{ instance_id: "a__b-1", model_patch: 5 }, "model_patch"],
    [{ "a__b-1": "nope" }, "a__b-1"],
  ])("rejects %j at %s", (record, field) => {
    expect(() => swebenchPredictionsFormat.parse(record, { fileName: "p.json", location: 1 })).toThrow(
      expect.objectContaining({ name: "RecordError", field }),
    );
  });
});

describe("swebench instance reports", () => {
  const inner = {
    patch_is_None: false,
    patch_exists: true,
    patch_successfully_applied: true,
    resolved: false,
    tests_status: { FAIL_TO_PASS: { success: [], failure: ["t1"] }, PASS_TO_PASS: { success: ["t2"], failure: [] } },
  };

  it("reads a report keyed by instance id", () => {
    const record = { "astropy__astropy-12907": inner };
    expect(swebenchInstanceReportFormat.detect(record, { fileName: "report.json", container: "document" })).toBe(0.9);
    const [report] = attachmentsOf(swebenchInstanceReportFormat, record, "report.json");
    expect(report).toMatchObject({ instanceId: "astropy__astropy-12907", resolved: false, failToPass: { success: [], failure: ["t1"] } });
    expect(report.passToFail).toBeNull();
  });

  it("falls back to patch_successfully_applied only when resolved is missing", () => {
    const [report] = attachmentsOf(
      swebenchInstanceReportFormat,
      { "a__b-1": { patch_successfully_applied: false, tests_status: {} } },
      "report.json",
    );
    expect(report.resolved).toBe(false);
  });

  it("throws on a flat report whose file name names no instance", () => {
    expect(() => swebenchInstanceReportFormat.parse(inner, { fileName: "logs/report.json", location: 1 })).toThrow(
      expect.objectContaining({ name: "RecordError", field: "instance_id" }),
    );
  });
});

describe("swebench run reports", () => {
  it("reads make_run_report's variant; empty patches count as unresolved, errors are left out", () => {
    const record = {
      total_instances: 4,
      resolved_instances: 1,
      schema_version: 2,
      completed_ids: ["a__b-1", "a__b-2"],
      resolved_ids: ["a__b-1"],
      unresolved_ids: ["a__b-2"],
      empty_patch_ids: ["a__b-3"],
      error_ids: ["a__b-4"],
    };
    expect(attachmentsOf(swebenchRunReportFormat, record).map((a) => [a.instanceId, a.resolved])).toEqual([
      ["a__b-1", true],
      ["a__b-2", false],
      ["a__b-3", false],
    ]);
  });

  it("rejects a non-string id with its path", () => {
    expect(() => swebenchRunReportFormat.parse({ ids_resolved: ["a", 3] }, { fileName: "r.json", location: 1 })).toThrow(
      expect.objectContaining({ name: "RecordError", field: "ids_resolved[1]" }),
    );
  });
});
