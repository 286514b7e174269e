/**
 * Chat-format training rows: OpenAI-style `messages[]` (+ `tools[]`), optionally with calls
 * written as XML in the text, or `trajectory[{role, text, mask}]` rows (SWE-agent SFT sets),
 * plus dataset fields such as `instance_id`, `resolved`, `test_result`, `exit_status`.
 */
import { emptyOutcome, type Step } from "./episode";
import { stepsFromTurns } from "./chat-steps";
import type { FormatModule } from "./format-module";
import { RecordError } from "./format-module";
import { repoFromInstanceId } from "./instance";
import { asNonBlank, asObject, asString, isObject, requireObject, type JsonObject } from "./record-fields";
import { taskTextFromPrompt } from "./task-text";

/** SWE-Gym and kin sample several runs per task and suffix the id: `owner__repo-1234_3`. */
const sampledSweBenchId = /^([A-Za-z0-9][A-Za-z0-9-]*__[\w.-]+-\d+)_\d+$/;
/** OpenHands evaluation run ids: `<model>_maxiter_<n>_N_<version>-…`. */
const openHandsRunId = /^(.+?)_maxiter_\d+_N_/;

export const chatFormat: FormatModule = {
  name: "chat",
  description: "Chat-format rows: OpenAI messages/tool_calls/tools, XML function calls, or trajectory[{role, text}]",
  detect(sample) {
    // Agent trajectory files also hold a `messages` list; their shells are claimed elsewhere.
    if (!isObject(sample) || "trajectory_format" in sample || isObject(sample.info)) return 0;
    const turns = Array.isArray(sample.messages)
      ? sample.messages
      : Array.isArray(sample.trajectory)
        ? sample.trajectory
        : null;
    const first: unknown = turns?.[0];
    if (!isObject(first) || typeof first.role !== "string") return 0;
    if (!Array.isArray(sample.messages) && ("action" in first || "observation" in first)) return 0;
    return Array.isArray(sample.tools) || turns?.some((t) => isObject(t) && Array.isArray(t.tool_calls)) ? 0.95 : 0.9;
  },
  parse(record) {
    const row = requireObject(record, "$");
    const field = row.messages !== undefined ? "messages" : row.trajectory !== undefined ? "trajectory" : null;
    if (!field) throw new RecordError("messages", "expected an array of chat messages (or `trajectory`)");
    const { steps, assistantTurns } = stepsFromTurns(row[field], field);
    const testResult = asObject(row.test_result) ?? {};
    const report = asObject(testResult.report);
    const rawId = asString(row.instance_id) ?? asString(row.id);
    const instanceId = rawId ? (sampledSweBenchId.exec(rawId)?.[1] ?? rawId) : null;
    const runId = asString(row.run_id);
    const runModel = runId ? openHandsRunId.exec(runId)?.[1] : undefined;

    return {
      type: "episodes",
      episodes: [
        {
          kind: "environmental",
          sourceFormat: "chat",
          formatVersion: field === "trajectory" ? "trajectory" : "messages",
          instanceId,
          repo: asString(row.repo) ?? (instanceId ? repoFromInstanceId(instanceId) : null),
          baseCommit: asString(row.base_commit) ?? null,
          taskText: asNonBlank(row.problem_statement) ?? taskTextOf(steps),
          agent: asString(row.agent) ?? (runModel ? "openhands" : null),
          model:
            asString(row.model_name) ?? asString(row.model) ?? asString(row.model_name_or_path) ?? runModel ?? null,
          attempt: null,
          outcome: {
            ...emptyOutcome(),
            exitStatusRaw: asString(row.exit_status) ?? null,
            resolved: firstBoolean(row.resolved, report?.resolved, row.target),
            error: asNonBlank(row.error) ?? null,
          },
          // Each assistant turn is one model call; chat rows rarely keep cost or token counts.
          sourceMetrics: { apiCalls: assistantTurns, costUsd: null, tokensSent: null, tokensReceived: null },
          finalPatch:
            asNonBlank(testResult.git_patch) ??
            asNonBlank(row.model_patch) ??
            asNonBlank(row.generated_patch) ??
            asNonBlank(row.patch) ??
            null,
          goldPatch: null,
          testPatch: null,
          pullRequest: null,
          steps,
          meta: metaOf(row, testResult, report, rawId !== instanceId ? rawId : undefined),
        },
      ],
    };
  },
};

function taskTextOf(steps: Step[]): string | null {
  const first = steps.find((s) => s.role === "user")?.parts[0];
  const text = first?.type === "message" ? first.text : undefined;
  if (!text) return null;
  return taskTextFromPrompt(text) ?? text;
}

function firstBoolean(...values: unknown[]): boolean | null {
  for (const value of values) if (typeof value === "boolean") return value;
  return null;
}

function metaOf(
  row: JsonObject,
  testResult: JsonObject,
  report: JsonObject | undefined,
  rawInstanceId: string | undefined,
): JsonObject {
  const meta: JsonObject = {};
  const fields: [string, unknown][] = [
    ["rawInstanceId", rawInstanceId],
    ["runId", row.run_id],
    // Kept so the row can be re-exported with the same tool schema.
    ["tools", Array.isArray(row.tools) ? row.tools : undefined],
    ["evalReport", report ? withoutKey(report, "resolved") : undefined],
    ["applyPatchOutput", testResult.apply_patch_output],
    ["testOutput", testResult.test_output ?? row.eval_logs],
  ];
  for (const [key, value] of fields) if (value !== undefined && value !== null) meta[key] = value;
  return meta;
}

function withoutKey(value: JsonObject, key: string): JsonObject {
  return Object.fromEntries(Object.entries(value).filter(([k]) => k !== key));
}
