/**
 * SWE-bench side files: predictions, per-instance evaluation reports and run-level reports.
 * They hold no trajectory; their attachments are joined to episodes by instance id (and model).
 */
import type { TestList } from "./episode";
import { RecordError, type Attachment, type FormatModule } from "./format-module";
import { instanceIdFromFileName } from "./instance";
import { asObject, asString, isObject, requireObject, type JsonObject } from "./record-fields";

/** Keyed files are classified from their first few values, never by walking them all. */
const keyedSampleSize = 3;
const trajectoryKeys = ["messages", "history", "trajectory", "trajectory_steps"];

export const swebenchPredictionsFormat: FormatModule = {
  name: "swebench-predictions",
  description: "SWE-bench predictions {instance_id, model_patch, model_name_or_path}: JSONL, list, keyed or .pred",
  detect(sample) {
    if (!isObject(sample)) return 0;
    if (isPrediction(sample)) return typeof sample.instance_id === "string" ? 0.95 : 0;
    return keyedBy(sample, isPrediction) ? 0.9 : 0;
  },
  parse(record) {
    const value = requireObject(record, "$");
    if (typeof value.instance_id === "string" || "model_patch" in value) {
      return { type: "attachments", attachments: [prediction(value, asString(value.instance_id), "instance_id")] };
    }
    const attachments = Object.entries(value).map(([key, inner]) => {
      if (!isObject(inner)) throw new RecordError(key, "expected a prediction object");
      return prediction(inner, asString(inner.instance_id) ?? key, `${key}.instance_id`);
    });
    return { type: "attachments", attachments };
  },
};

export const swebenchInstanceReportFormat: FormatModule = {
  name: "swebench-instance-report",
  description: "SWE-bench per-instance report.json ({<id>: {resolved, tests_status}} or the inner object alone)",
  detect(sample) {
    if (!isObject(sample)) return 0;
    if (isInstanceReport(sample)) return 0.95;
    return keyedBy(sample, isInstanceReport) ? 0.9 : 0;
  },
  parse(record, ctx) {
    const value = requireObject(record, "$");
    if (isInstanceReport(value)) {
      const instanceId = instanceIdFromFileName(ctx.fileName);
      if (!instanceId) {
        throw new RecordError("instance_id", `flat report and no instance id in file name "${ctx.fileName}"`);
      }
      return { type: "attachments", attachments: [instanceReport(instanceId, value)] };
    }
    const attachments = Object.entries(value).map(([key, inner]) => {
      if (!isObject(inner)) throw new RecordError(key, "expected a report object");
      return instanceReport(key, inner);
    });
    return { type: "attachments", attachments };
  },
};

export const swebenchRunReportFormat: FormatModule = {
  name: "swebench-run-report",
  description: "SWE-bench / SWE-smith run-level report (resolved_ids / ids_resolved lists)",
  detect(sample) {
    if (!isObject(sample)) return 0;
    if (idListKeys.some(([key]) => Array.isArray(sample[key]))) return 0.95;
    // The experiments repo's results.json: {resolved: [...], no_generation: [...], …}.
    return Array.isArray(sample.resolved) && ("no_generation" in sample || "no_logs" in sample) ? 0.8 : 0;
  },
  parse(record) {
    const value = requireObject(record, "$");
    const verdicts = new Map<string, boolean>();
    const lists: (readonly [string, boolean])[] = [...idListKeys];
    if (Array.isArray(value.resolved)) lists.push(["resolved", true]);
    for (const [key, resolved] of lists) {
      const ids = value[key];
      if (ids === undefined) continue;
      if (!Array.isArray(ids)) throw new RecordError(key, "expected an array of instance ids");
      ids.forEach((id, i) => {
        if (typeof id !== "string") throw new RecordError(`${key}[${i}]`, "expected an instance id string");
        // A resolved verdict wins over a listing elsewhere (e.g. also among completed ids).
        if (!verdicts.get(id)) verdicts.set(id, resolved);
      });
    }
    const attachments: Attachment[] = [...verdicts].map(([instanceId, resolved]) => ({
      instanceId,
      model: null,
      source: "run_report",
      resolved,
    }));
    return { type: "attachments", attachments };
  },
};

/**
 * Id lists and the verdict each implies. Error ids are left out on purpose: an evaluation that
 * crashed says nothing about the patch. An empty patch cannot resolve anything.
 */
const idListKeys = [
  ["resolved_ids", true],
  ["ids_resolved", true],
  ["unresolved_ids", false],
  ["ids_unresolved", false],
  ["empty_patch_ids", false],
] as const;

function isPrediction(value: JsonObject): boolean {
  return "model_patch" in value && !trajectoryKeys.some((key) => key in value);
}

function isInstanceReport(value: JsonObject): boolean {
  return isObject(value.tests_status) || ("patch_successfully_applied" in value && "resolved" in value);
}

function keyedBy(value: JsonObject, isInner: (inner: JsonObject) => boolean): boolean {
  const sample = Object.values(value).slice(0, keyedSampleSize);
  return sample.length > 0 && sample.every((inner) => isObject(inner) && isInner(inner));
}

function prediction(value: JsonObject, instanceId: string | undefined, field: string): Attachment {
  if (!instanceId) throw new RecordError(field, "expected an instance id string");
  const patch = value.model_patch;
  if (patch !== null && patch !== undefined && typeof patch !== "string") {
    throw new RecordError(field.replace(/instance_id$/, "model_patch"), "expected a string or null");
  }
  return {
    instanceId,
    model: asString(value.model_name_or_path) ?? null,
    source: "prediction",
    patch: patch ?? null,
  };
}

function instanceReport(instanceId: string, report: JsonObject): Attachment {
  const status = asObject(report.tests_status) ?? {};
  // `resolved` is the verdict; `patch_successfully_applied` can be true for unresolved runs.
  const resolved =
    typeof report.resolved === "boolean" ? report.resolved : report.patch_successfully_applied === false ? false : null;
  return {
    instanceId,
    model: null,
    source: "instance_report",
    resolved,
    failToPass: testList(status.FAIL_TO_PASS),
    passToPass: testList(status.PASS_TO_PASS),
    failToFail: testList(status.FAIL_TO_FAIL),
    passToFail: testList(status.PASS_TO_FAIL),
  };
}

function testList(value: unknown): TestList | null {
  if (!isObject(value)) return null;
  return { success: strings(value.success), failure: strings(value.failure) };
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}
