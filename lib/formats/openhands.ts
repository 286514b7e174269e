/**
 * OpenHands trajectories: evaluation rows (`output.jsonl`, one instance per line, events in
 * `history`) in V0 (events with `action`/`observation`) or V1 SDK form (events typed by `kind`),
 * and bare V0 replay files (a JSON list of events that is one episode).
 */
import { emptyOutcome, type NormalizedEpisode, type TestList } from "./episode";
import type { FormatModule, RecordContext } from "./format-module";
import { instanceIdFromFileName, repoFromInstanceId } from "./instance";
import { walkV0Events } from "./openhands-v0-events";
import { walkV1Events } from "./openhands-v1-events";
import { newWalk, setIfPresent, type EventWalk } from "./openhands-walk";
import {
  asNonBlank,
  asNumber,
  asObject,
  asString,
  isObject,
  requireArray,
  requireObject,
  type JsonObject,
} from "./record-fields";
import { taskTextFromPrompt } from "./task-text";

/**
 * LLM settings worth keeping. An allow-list, because the config also holds `api_key`, AWS keys
 * and other secrets (masked or not) that must never reach the database.
 */
const llmSettings = [
  "model",
  "temperature",
  "top_p",
  "max_input_tokens",
  "max_output_tokens",
  "max_message_chars",
  "reasoning_effort",
  "native_tool_calling",
  "caching_prompt",
  "custom_llm_provider",
  "seed",
];

export const openHandsFormat: FormatModule = {
  name: "openhands",
  description: "OpenHands output.jsonl rows (V0 event history or V1 SDK events) and bare V0 event lists",
  detect(sample, { container }) {
    if (Array.isArray(sample)) return container === "document" && isEvent(sample[0]) ? 0.95 : 0;
    if (!isObject(sample) || !Array.isArray(sample.history)) return 0;
    const first: unknown = sample.history[0];
    if (first === undefined) return typeof sample.instruction === "string" && isObject(sample.metadata) ? 0.8 : 0;
    return isEvent(first) ? 0.95 : 0;
  },
  parse(record, ctx) {
    if (Array.isArray(record)) return { type: "episodes", episodes: [episodeOf({}, record, "$", ctx)] };
    const row = requireObject(record, "$");
    const history = row.history === undefined || row.history === null ? [] : requireArray(row.history, "history");
    return { type: "episodes", episodes: [episodeOf(row, history, "history", ctx)] };
  },
};

function isEvent(value: unknown): boolean {
  return isObject(value) && (isV0Event(value) || (typeof value.kind === "string" && typeof value.source === "string"));
}

/** V1 events also have `action`/`observation` fields, but as objects, never as the type name. */
function isV0Event(value: JsonObject): boolean {
  return "source" in value && (typeof value.action === "string" || typeof value.observation === "string");
}

function episodeOf(row: JsonObject, events: unknown[], path: string, ctx: RecordContext): NormalizedEpisode {
  const metadata = asObject(row.metadata) ?? {};
  const llm = asObject(metadata.llm_config) ?? asObject(metadata.llm) ?? {};
  const instance = asObject(row.instance) ?? {};
  const testResult = asObject(row.test_result) ?? {};
  const report = asObject(testResult.report);
  const metrics = asObject(row.metrics) ?? {};
  const usage = asObject(metrics.accumulated_token_usage) ?? {};
  const firstEvent = events.find(isObject);
  const isV1 = firstEvent ? !isV0Event(firstEvent) : isObject(metadata.llm);
  const walk = newWalk();
  if (isV1) walkV1Events(events, path, walk);
  else walkV0Events(events, path, walk);

  const error = asNonBlank(row.error) ?? null;
  const instanceId =
    asString(row.instance_id) ?? asString(instance.instance_id) ?? instanceIdFromFileName(ctx.fileName) ?? null;
  const tokenUsages = Array.isArray(metrics.token_usages) ? metrics.token_usages.length : 0;
  const apiCalls = tokenUsages || walk.responseIds.size;
  const testsStatus = asObject(report?.tests_status);

  return {
    kind: "environmental",
    sourceFormat: "openhands",
    formatVersion: isV1 ? "v1" : "v0",
    instanceId,
    repo: asString(instance.repo) ?? (instanceId ? repoFromInstanceId(instanceId) : null),
    baseCommit: asString(instance.base_commit) ?? null,
    taskText: asNonBlank(instance.problem_statement) ?? taskTextOf(walk),
    agent: asString(metadata.agent_class) ?? walk.agentClass ?? asString(asObject(metadata.agent)?.kind) ?? "openhands",
    model: asString(llm.model) ?? walk.model,
    attempt: null,
    outcome: {
      ...emptyOutcome(),
      exitStatusRaw: error ?? walk.lastAgentState ?? (walk.finished ? "finished" : null),
      resolved: typeof report?.resolved === "boolean" ? report.resolved : null,
      failToPass: testList(testsStatus?.FAIL_TO_PASS),
      passToPass: testList(testsStatus?.PASS_TO_PASS),
      error,
    },
    sourceMetrics: {
      apiCalls: apiCalls > 0 ? apiCalls : null,
      costUsd: asNumber(metrics.accumulated_cost) ?? null,
      tokensSent: asNumber(usage.prompt_tokens) ?? walk.tokensSent,
      tokensReceived: asNumber(usage.completion_tokens) ?? walk.tokensReceived,
    },
    finalPatch: asNonBlank(testResult.git_patch) ?? null,
    goldPatch: asNonBlank(instance.patch) ?? asNonBlank(instance.fix_patch) ?? null,
    testPatch: asNonBlank(instance.test_patch) ?? null,
    pullRequest: null,
    steps: walk.steps,
    meta: metaOf(metadata, llm, instance, report, walk),
  };
}

/** The first user message, unwrapped from OpenHands' `<issue_description>` template when present. */
function taskTextOf(walk: EventWalk): string | null {
  const prompt = walk.steps.find((s) => s.role === "user" && s.meta?.kind === undefined);
  const text = prompt?.parts.find((p) => p.type === "message")?.text;
  if (!text) return null;
  const open = text.indexOf("<issue_description>");
  const close = open === -1 ? -1 : text.indexOf("</issue_description>", open);
  if (close !== -1) return text.slice(open + "<issue_description>".length, close).trim();
  return taskTextFromPrompt(text) ?? text;
}

function metaOf(
  metadata: JsonObject,
  llm: JsonObject,
  instance: JsonObject,
  report: JsonObject | undefined,
  walk: EventWalk,
): JsonObject {
  const meta: JsonObject = {};
  setIfPresent(meta, "maxIterations", metadata.max_iterations);
  const settings: JsonObject = {};
  for (const key of llmSettings) setIfPresent(settings, key, llm[key]);
  if (Object.keys(settings).length > 0) meta.llmConfig = settings;
  setIfPresent(meta, "dataset", metadata.dataset);
  setIfPresent(meta, "dataSplit", metadata.data_split);
  setIfPresent(meta, "startTime", metadata.start_time);
  setIfPresent(meta, "openhandsCommit", metadata.git_commit);
  setIfPresent(meta, "openhandsVersion", walk.openhandsVersion);
  setIfPresent(meta, "condenser", asObject(metadata.condenser_config)?.type);
  setIfPresent(meta, "instanceVersion", instance.version);
  setIfPresent(meta, "failToPassTests", testNames(instance.FAIL_TO_PASS));
  setIfPresent(meta, "passToPassTests", testNames(instance.PASS_TO_PASS));
  if (report) {
    // `resolved` and the test lists have their own outcome fields.
    const rest = Object.entries(report).filter(([key]) => key !== "resolved" && key !== "tests_status");
    if (rest.length > 0) meta.evalReport = Object.fromEntries(rest);
  }
  if (Object.keys(walk.skippedEvents).length > 0) meta.skippedEvents = walk.skippedEvents;
  setIfPresent(meta, "tools", walk.tools);
  return meta;
}

/** SWE-bench stores test lists as arrays or JSON-encoded arrays; empty lists say nothing. */
function testNames(value: unknown): string[] | undefined {
  let list = value;
  if (typeof value === "string" && value.trimStart().startsWith("[")) {
    try {
      list = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  if (!Array.isArray(list)) return undefined;
  const names = list.filter((n): n is string => typeof n === "string");
  return names.length > 0 ? names : undefined;
}

function testList(value: unknown): TestList | null {
  const lists = asObject(value);
  if (!lists) return null;
  const success = testNames(lists.success) ?? [];
  const failure = testNames(lists.failure) ?? [];
  return { success, failure };
}
