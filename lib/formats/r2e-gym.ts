/**
 * R2E-Gym trajectories (`Trajectory.model_dump()`, one per JSONL line or array element). Each
 * `trajectory_steps[]` entry is one model call (thought + XML-style function call) and the
 * environment's answer; the prompts themselves are not stored, only `problem_statement`.
 */
import { emptyOutcome, type Step, type StepPart } from "./episode";
import { editFromToolCall } from "./edits";
import type { FormatModule } from "./format-module";
import { repoFromInstanceId } from "./instance";
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
import { parseXmlFunctionCalls } from "./xml-calls";
import { observationPart } from "./parts";

/** R2E-Gym prefixes bash observations with the exit code. */
const exitCodeLine = /^Exit code: (-?\d+)/;

export const r2eGymFormat: FormatModule = {
  name: "r2e-gym",
  description: "R2E-Gym agent trajectories (trajectory_steps with XML function calls)",
  detect(sample) {
    if (!isObject(sample) || !Array.isArray(sample.trajectory_steps)) return 0;
    const first = sample.trajectory_steps[0];
    if (first === undefined) return "problem_statement" in sample ? 0.9 : 0.6;
    return isObject(first) && ("action" in first || "step_idx" in first) ? 0.95 : 0;
  },
  parse(record) {
    const traj = requireObject(record, "$");
    const entries = requireArray(traj.trajectory_steps, "trajectory_steps");
    const ds = asObject(traj.ds) ?? asObject(asObject(traj.env_args)?.ds) ?? {};
    const dockerImage = asString(traj.docker_image);
    const instanceId = asString(ds.instance_id) ?? instanceFromImage(dockerImage) ?? dockerImage ?? null;
    const steps: Step[] = [];
    let tokensSent: number | null = null;
    let tokensReceived: number | null = null;

    entries.forEach((value, i) => {
      const entry = requireObject(value, `trajectory_steps[${i}]`);
      const prompt = usage(entry.token_usage_prompt);
      const completion = usage(entry.token_usage_completion);
      if (prompt !== undefined) tokensSent = (tokensSent ?? 0) + prompt;
      if (completion !== undefined) tokensReceived = (tokensReceived ?? 0) + completion;
      steps.push(...stepPair(entry, prompt, completion));
    });

    const reward = asNumber(traj.reward);
    const meta: JsonObject = {};
    const fields: [string, unknown][] = [
      ["dockerImage", dockerImage],
      ["expName", traj.exp_name],
      ["reward", reward],
      ["maxSteps", traj.max_steps],
      ["verifierProb", traj.verifier_prob],
      ["testOutput", traj.test_output],
    ];
    for (const [key, value] of fields) if (value !== undefined && value !== null) meta[key] = value;

    return {
      type: "episodes",
      episodes: [
        {
          kind: "environmental",
          sourceFormat: "r2e-gym",
          formatVersion: null,
          instanceId,
          repo: asString(ds.repo) ?? (instanceId ? repoFromInstanceId(instanceId) : null),
          baseCommit: asString(ds.base_commit) ?? null,
          taskText: asNonBlank(traj.problem_statement) ?? asNonBlank(ds.problem_statement) ?? null,
          agent: "r2e-gym",
          model: asString(asObject(traj.agent_args)?.llm_name) ?? null,
          attempt: null,
          outcome: {
            ...emptyOutcome(),
            exitStatusRaw: asString(traj.exit_reason) ?? null,
            resolved: reward === undefined ? null : reward >= 1 ? true : reward <= 0 ? false : null,
          },
          // One LLM query per step; R2E-Gym does not record cost.
          sourceMetrics: { apiCalls: entries.length, costUsd: null, tokensSent, tokensReceived },
          finalPatch: asNonBlank(traj.output_patch) ?? null,
          goldPatch: asNonBlank(ds.patch) ?? null,
          testPatch: asNonBlank(ds.test_patch) ?? null,
          pullRequest: null,
          steps,
          meta,
        },
      ],
    };
  },
};

function stepPair(entry: JsonObject, prompt: number | undefined, completion: number | undefined): Step[] {
  const parts: StepPart[] = [];
  const thought = asString(entry.thought) ?? "";
  if (thought.trim() !== "") parts.push({ type: "reasoning", text: thought });
  const { calls, text } = parseXmlFunctionCalls(asString(entry.action) ?? "");
  for (const call of calls) {
    parts.push({ type: "tool_call", name: call.name, arguments: call.arguments });
    const edit = editFromToolCall(call.name, call.arguments);
    if (edit) parts.push(edit);
  }
  if (text !== "") parts.push({ type: "message", text });

  const assistantMeta: JsonObject = {};
  const stepIdx = asNumber(entry.step_idx);
  if (stepIdx !== undefined) assistantMeta.stepIdx = stepIdx;
  if (prompt !== undefined) assistantMeta.promptTokens = prompt;
  if (completion !== undefined) assistantMeta.completionTokens = completion;
  const llmTime = asNumber(entry.llm_exec_time);
  if (llmTime !== undefined) assistantMeta.llmExecTime = llmTime;

  const observation = asString(entry.observation) ?? "";
  const exitCode = exitCodeLine.exec(observation.slice(0, 32))?.[1];
  const toolName = calls[calls.length - 1]?.name;
  const toolMeta: JsonObject = {};
  const envTime = asNumber(entry.env_exec_time);
  if (envTime !== undefined) toolMeta.envExecTime = envTime;
  if (entry.done === true) toolMeta.done = true;

  return [
    { role: "assistant", parts, meta: assistantMeta },
    {
      role: "tool",
      parts: [
        observationPart(observation, { exitCode: exitCode === undefined ? undefined : Number(exitCode), toolName }),
      ],
      ...(Object.keys(toolMeta).length > 0 ? { meta: toolMeta } : {}),
    },
  ];
}

/** R2E-Gym reports -1 when the provider returned no usage. */
function usage(value: unknown): number | undefined {
  const n = asNumber(value);
  return n !== undefined && n >= 0 ? n : undefined;
}

/**
 * SWE-bench images end in the instance id (`…sweb.eval.x86_64.django__django-15731`); newer ones
 * spell `__` as `_1776_` because Docker Hub rejects double underscores.
 */
function instanceFromImage(image: string | undefined): string | undefined {
  // The id is in the tag (`repo:sweb.eval…id`) or before it (`…id:latest`).
  for (const piece of (image ?? "").split(":").reverse()) {
    const tail = piece.slice(piece.lastIndexOf(".") + 1).replace("_1776_", "__");
    if (tail.includes("__")) return tail;
  }
  return undefined;
}
