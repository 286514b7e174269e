/** mini-swe-agent `.traj.json` files (`trajectory_format` mini-swe-agent-1 and -1.1), one per instance. */
import { emptyOutcome } from "./episode";
import type { FormatModule } from "./format-module";
import { stepsFromMessages } from "./mini-swe-agent-steps";
import { fileStem, instanceIdFromFileName, repoFromInstanceId } from "./instance";
import {
  asNonBlank,
  asNumber,
  asObject,
  asString,
  contentText,
  isObject,
  requireObject,
  type JsonObject,
} from "./record-fields";
import { taskTextFromPrompt } from "./task-text";

export const miniSweAgentFormat: FormatModule = {
  name: "mini-swe-agent",
  description: "mini-swe-agent .traj.json (trajectory_format mini-swe-agent-1 / 1.1)",
  detect(sample) {
    if (!isObject(sample)) return 0;
    if (asString(sample.trajectory_format)?.startsWith("mini-swe-agent")) return 0.99;
    return Array.isArray(sample.messages) && asString(asObject(sample.info)?.mini_version) ? 0.9 : 0;
  },
  parse(record, ctx) {
    const traj = requireObject(record, "$");
    const info = asObject(traj.info) ?? {};
    const config = asObject(info.config) ?? {};
    const stats = asObject(info.model_stats) ?? {};
    const { steps, tokensSent, tokensReceived } = stepsFromMessages(traj.messages);
    const exitStatus = asString(info.exit_status) ?? null;
    const submission = asNonBlank(info.submission);
    // On an exception the "submission" is the error message, not a patch.
    const isPatch = submission !== undefined && (exitStatus === "Submitted" || looksLikeDiff(submission));
    const instanceId =
      asString(traj.instance_id) ?? instanceIdFromFileName(ctx.fileName) ?? (fileStem(ctx.fileName) || null);

    return {
      type: "episodes",
      episodes: [
        {
          kind: "environmental",
          sourceFormat: "mini-swe-agent",
          formatVersion: asString(traj.trajectory_format) ?? null,
          instanceId,
          repo: instanceId ? repoFromInstanceId(instanceId) : null,
          baseCommit: null,
          taskText: taskTextOf(traj.messages),
          agent: "mini-swe-agent",
          model: asString(asObject(config.model)?.model_name) ?? null,
          attempt: null,
          outcome: {
            ...emptyOutcome(),
            exitStatusRaw: exitStatus,
            error: submission !== undefined && !isPatch ? submission : null,
          },
          sourceMetrics: {
            apiCalls: asNumber(stats.api_calls) ?? null,
            costUsd: asNumber(stats.instance_cost) ?? null,
            tokensSent,
            tokensReceived,
          },
          finalPatch: isPatch ? submission : null,
          goldPatch: null,
          testPatch: null,
          pullRequest: null,
          steps,
          meta: metaOf(info, config),
        },
      ],
    };
  },
};

function metaOf(info: JsonObject, config: JsonObject): JsonObject {
  const meta: JsonObject = {};
  const agentConfig = asObject(config.agent) ?? {};
  const environment = asObject(config.environment) ?? {};
  const fields: [string, unknown][] = [
    ["miniVersion", info.mini_version],
    ["agentType", config.agent_type],
    ["modelType", config.model_type],
    ["environmentType", config.environment_type],
    ["dockerImage", environment.image],
    ["stepLimit", agentConfig.step_limit],
    ["costLimit", agentConfig.cost_limit],
    ["traceback", info.traceback],
  ];
  for (const [key, value] of fields) if (value !== undefined && value !== null) meta[key] = value;
  return meta;
}

function taskTextOf(messages: unknown): string | null {
  if (!Array.isArray(messages)) return null;
  const prompt = messages.find((m) => isObject(m) && m.role === "user");
  if (!isObject(prompt)) return null;
  const text = contentText(prompt.content);
  return taskTextFromPrompt(text) ?? (text || null);
}

function looksLikeDiff(text: string): boolean {
  const head = text.trimStart().slice(0, 16);
  return head.startsWith("diff ") || head.startsWith("--- ") || head.startsWith("From ");
}
