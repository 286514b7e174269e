/**
 * SWE-agent `.traj` files, 0.x and 1.x (one JSON document per instance). Retry runs
 * (`attempts[]`) yield one episode per attempt; the top-level copy of the best attempt is skipped.
 */
import { emptyOutcome, type NormalizedEpisode } from "./episode";
import type { FormatModule, RecordContext } from "./format-module";
import { fileStem, instanceIdFromFileName, repoFromInstanceId } from "./instance";
import {
  asNonBlank,
  asNumber,
  asObject,
  asObjectOrJson,
  asString,
  contentText,
  isObject,
  requireArray,
  requireObject,
  type JsonObject,
} from "./record-fields";
import { stepsFromHistory, stepsFromTrajectory } from "./swe-agent-steps";
import { taskTextFromPrompt } from "./task-text";

export const sweAgentFormat: FormatModule = {
  name: "swe-agent",
  description: "SWE-agent .traj (0.x and 1.x, incl. retry-agent attempts)",
  detect(sample) {
    if (!isObject(sample) || "trajectory_steps" in sample) return 0;
    const hasRun = Array.isArray(sample.trajectory) || Array.isArray(sample.attempts);
    const hasBody = Array.isArray(sample.history) || isObject(sample.info);
    if (!hasRun || !hasBody) return 0;
    // Chat datasets also call their turn list `trajectory`; SWE-agent steps carry an action.
    const first = Array.isArray(sample.trajectory) ? sample.trajectory[0] : undefined;
    if (first !== undefined && !(isObject(first) && ("action" in first || "observation" in first))) return 0;
    return 0.95;
  },
  parse(record, ctx) {
    const traj = requireObject(record, "$");
    if (traj.attempts === undefined) return { type: "episodes", episodes: [episodeOf(traj, traj, ctx, "")] };
    const attempts = requireArray(traj.attempts, "attempts");
    const info = asObject(traj.info) ?? {};
    const best = asNumber(info.best_attempt_idx);
    const episodes = attempts.map((value, index) => {
      const path = `attempts[${index}]`;
      const episode = episodeOf(requireObject(value, path), traj, ctx, `${path}.`);
      const groupKey = `${ctx.fileName}#${episode.instanceId ?? ""}`;
      episode.attempt = { groupKey, index, isBest: index === best };
      episode.meta.retryRun = {
        attemptCount: attempts.length,
        bestAttemptIdx: best ?? null,
        modelStats: info.model_stats ?? null,
      };
      return episode;
    });
    return { type: "episodes", episodes };
  },
};

/** `run` holds replay_config/environment when an attempt lacks them. */
function episodeOf(traj: JsonObject, run: JsonObject, ctx: RecordContext, path: string): NormalizedEpisode {
  const info = asObject(traj.info) ?? {};
  const replay = asObjectOrJson(traj.replay_config) ?? asObjectOrJson(run.replay_config);
  const version = asString(info.swe_agent_version) ?? (replay ? "1.x" : "0.x");
  const { steps, unmatchedTrajectorySteps } =
    traj.history === undefined && Array.isArray(traj.trajectory)
      ? { steps: stepsFromTrajectory(traj.trajectory, `${path}trajectory`), unmatchedTrajectorySteps: 0 }
      : stepsFromHistory(traj.history, traj.trajectory, `${path}history`);

  const environment = asString(traj.environment) ?? asString(run.environment);
  const instanceId = instanceIdOf(replay, environment, version, ctx.fileName);
  const stats = asObject(info.model_stats) ?? {};
  const repoConfig = asObject(asObject(replay?.env)?.repo);
  const baseCommit = asString(repoConfig?.base_commit);
  const runName = version === "0.x" ? runDirectory(ctx.fileName) : null;

  const meta: JsonObject = {};
  if (environment) meta.environment = environment;
  if (runName) meta.runName = runName;
  for (const [key, source] of [
    ["sweAgentHash", "swe_agent_hash"],
    ["sweRexVersion", "swe_rex_version"],
    ["review", "review"],
  ] as const) {
    if (info[source] !== undefined) meta[key] = info[source];
  }
  const image = asString(asObject(asObject(replay?.env)?.deployment)?.image);
  if (image) meta.dockerImage = image;
  if (baseCommit && !isCommitSha(baseCommit)) meta.baseRef = baseCommit;
  if (unmatchedTrajectorySteps > 0) meta.unmatchedTrajectorySteps = unmatchedTrajectorySteps;

  return {
    kind: "environmental",
    sourceFormat: "swe-agent",
    formatVersion: version,
    instanceId,
    repo: repoOf(repoConfig, instanceId),
    baseCommit: baseCommit && isCommitSha(baseCommit) ? baseCommit : null,
    taskText: taskTextOf(replay, traj.history),
    agent: "swe-agent",
    model: modelOf(replay) ?? (runName ? runName.slice(0, runName.indexOf("__")) : null),
    attempt: null,
    outcome: { ...emptyOutcome(), exitStatusRaw: asString(info.exit_status) ?? null },
    sourceMetrics: {
      apiCalls: asNumber(stats.api_calls) ?? null,
      // instance_cost is this instance's; 0.x total_cost accumulates over the whole run.
      costUsd: asNumber(stats.instance_cost) ?? asNumber(stats.total_cost) ?? null,
      tokensSent: asNumber(stats.tokens_sent) ?? null,
      tokensReceived: asNumber(stats.tokens_received) ?? null,
    },
    finalPatch: asNonBlank(info.submission) ?? null,
    goldPatch: null,
    testPatch: null,
    pullRequest: null,
    steps,
    meta,
  };
}

function instanceIdOf(
  replay: JsonObject | undefined,
  environment: string | undefined,
  version: string,
  fileName: string,
): string | null {
  const fromReplay = asString(asObject(replay?.problem_statement)?.id);
  if (fromReplay) return fromReplay;
  // 1.x names the environment after the instance; 0.x uses a fixed name such as "swe_main".
  if (environment && version !== "0.x") return environment;
  return instanceIdFromFileName(fileName) ?? (fileStem(fileName) || null);
}

function repoOf(repoConfig: JsonObject | undefined, instanceId: string | null): string | null {
  const url = asString(repoConfig?.github_url);
  const fromUrl = url ? /github\.com[/:]([\w.-]+\/[\w.-]+?)(?:\.git)?\/?$/.exec(url)?.[1] : undefined;
  return fromUrl ?? (instanceId ? repoFromInstanceId(instanceId) : null);
}

function modelOf(replay: JsonObject | undefined): string | null {
  const agent = asObject(replay?.agent);
  const configs = Array.isArray(agent?.agent_configs) ? agent.agent_configs : [];
  const model = asObject(agent?.model) ?? asObject(asObject(configs[0])?.model);
  return asString(model?.name) ?? null;
}

function taskTextOf(replay: JsonObject | undefined, history: unknown): string | null {
  const fromReplay = asNonBlank(asObject(replay?.problem_statement)?.text);
  if (fromReplay) return fromReplay;
  if (!Array.isArray(history)) return null;
  const prompt = history.find(
    (h) => isObject(h) && h.role === "user" && h.is_demo !== true && h.message_type !== "demonstration",
  );
  if (!isObject(prompt)) return null;
  const text = contentText(prompt.content);
  return taskTextFromPrompt(text) ?? (text || null);
}

/**
 * 0.x wrote trajectories to `<model>__<data>__<config>__t-…__p-…__c-…__install-…/<id>.traj`;
 * that folder is the only place the model is named.
 */
function runDirectory(fileName: string): string | null {
  const segments = fileName.split(/[/\\]/);
  const dir = segments.length > 1 ? segments[segments.length - 2] : "";
  return /^[^_].*?__.+__t-[\d.]+__p-[\d.]+__c-[\d.]+/.test(dir) ? dir : null;
}

function isCommitSha(value: string): boolean {
  return /^[0-9a-f]{7,40}$/i.test(value);
}
