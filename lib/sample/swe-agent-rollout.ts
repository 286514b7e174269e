/**
 * A SWE-agent 1.x `.traj` object (function-calling agent, tools `bash`, `str_replace_editor`,
 * `submit`), rendered from an episode plan. Steps carry the messages sent for that step (1.0.x
 * `messages`), history uses roles system/user/assistant/tool, and `replay_config` is a JSON string.
 */
import { planEpisode, type Action, type EpisodeEnd, type PlannedStep } from "./episode-plan";
import { createInstance, type Instance } from "./instance";
import { sweAgentModels, type ModelProfile } from "./models";
import type { Rng } from "./random";
import { catN } from "./shell-output";
import { FORMAT_ERROR, instancePrompt, NO_OUTPUT, replayConfig, REVIEW_MESSAGE, SYSTEM_PROMPT } from "./swe-agent-config";
import { editedFilesContext } from "./swe-agent-info";

export type StepMessages = "full" | "elided" | "none";

export type SweAgentTrajOptions = {
  instance?: Instance;
  model?: ModelProfile;
  end?: EpisodeEnd;
  /** Exact step budget; otherwise drawn log-normally around `medianSteps` (5..80). */
  steps?: number;
  medianSteps?: number;
  /** Per-step `messages`: cumulative copies ("full", quadratic like real 1.0 files), old observations elided, or none. */
  stepMessages?: StepMessages;
  bigOutputChance?: number;
  secretChance?: number;
};

type Json = Record<string, unknown>;

const ABBREVIATE_OVER = 400;
const CRLF = (text: string) => text.replace(/\r?\n/g, "\r\n");
const quote = (text: string) => `'${text.replace(/'/g, "'\\''")}'`;

function abbreviated(lines: string[]): string {
  const out = ["<NOTE>The file is too large to show in full; this is an abbreviated view. Use `view_range` to see specific lines.</NOTE>"];
  let elided = -1;
  lines.forEach((line, i) => {
    const keep = i < 12 || /^(class |def |    def |[A-Za-z_]+ = )/.test(line);
    if (keep) {
      if (elided >= 0) out.push(`${String(elided + 1).padStart(6)}-${i} ...`);
      elided = -1;
      out.push(`${String(i + 1).padStart(6)} ${line}`);
    } else if (elided < 0) elided = i;
  });
  return out.join("\n");
}

/** action string, tool name, arguments and observation for one planned action. */
function render(action: Action): { text: string; tool: string; args: Json; observation: string } {
  const abs = (path: string) => `/testbed/${path}`;
  switch (action.tool) {
    case "bash":
      return { text: action.command, tool: "bash", args: { command: action.command }, observation: CRLF(action.output) };
    case "view": {
      const range = action.range ? `  --view_range ${action.range[0]} ${action.range[1]}` : "";
      const body = !action.range && action.lines.length > ABBREVIATE_OVER ? abbreviated(action.lines) : `Here's the result of running \`cat -n\` on ${abs(action.path)}:\n${catN(action.lines, action.range?.[0], action.range?.[1])}`;
      const args: Json = { command: "view", path: abs(action.path) };
      if (action.range) args.view_range = action.range;
      return { text: `str_replace_editor view ${abs(action.path)}${range}`, tool: "str_replace_editor", args, observation: CRLF(body) };
    }
    case "create":
      return {
        text: `str_replace_editor create ${abs(action.path)} --file_text ${quote(action.content)}`,
        tool: "str_replace_editor",
        args: { command: "create", path: abs(action.path), file_text: action.content },
        observation: `File created successfully at: ${abs(action.path)}`,
      };
    case "str_replace": {
      const observation = action.ok
        ? `The file ${abs(action.path)} has been edited. Here's the result of running \`cat -n\` on a snippet of ${abs(action.path)}:\n${action.snippet}\nReview the changes and make sure they are as expected. Edit the file again if necessary.`
        : `No replacement was performed, old_str \`${action.old}\` did not appear verbatim in ${abs(action.path)}.`;
      return {
        text: `str_replace_editor str_replace ${abs(action.path)}   --old_str ${quote(action.old)} --new_str ${quote(action.new)}`,
        tool: "str_replace_editor",
        args: { command: "str_replace", path: abs(action.path), old_str: action.old, new_str: action.new },
        observation: CRLF(observation),
      };
    }
    case "insert":
      return {
        text: `str_replace_editor insert ${abs(action.path)} --insert_line ${action.line} --new_str ${quote(action.text)}`,
        tool: "str_replace_editor",
        args: { command: "insert", path: abs(action.path), insert_line: action.line, new_str: action.text },
        observation: CRLF(`The file ${abs(action.path)} has been edited. Here's the result of running \`cat -n\` on a snippet of the edited file:\n${action.snippet}\nReview the changes and make sure they are as expected (correct indentation, no duplicate lines, etc). Edit the file again if necessary.`),
      };
    case "submit":
      return { text: "submit", tool: "submit", args: {}, observation: action.review ? CRLF(`${REVIEW_MESSAGE}<diff>\n${action.diff}\n</diff>\n`) : action.diff };
  }
}

function pickEnd(rng: Rng): EpisodeEnd {
  return rng.weighted([["submit", 78], ["cost", 11], ["context", 6], ["format", 5]] as const);
}

export function generateSweAgentTraj(rng: Rng, options: SweAgentTrajOptions = {}): Json {
  const instance = options.instance ?? createInstance(rng);
  const model = options.model ?? rng.pick(sweAgentModels);
  const end = options.end ?? pickEnd(rng);
  const mode = options.stepMessages ?? "elided";
  const targetSteps = options.steps ?? rng.logNormalInt(options.medianSteps ?? 20, 0.55, 5, 80);
  const plan = planEpisode(rng, instance, {
    targetSteps,
    style: "tools",
    end,
    skill: model.skill,
    verbosity: model.verbosity,
    bigOutputChance: (options.bigOutputChance ?? 0.02) * (end === "context" ? 8 : 1),
    secretChance: options.secretChance ?? 0.03,
  });

  const history: Json[] = [
    { role: "system", content: SYSTEM_PROMPT, agent: "main", message_type: "system_prompt" },
    { role: "user", content: [{ type: "text", text: instancePrompt(instance.problemStatement) }], agent: "main", message_type: "observation" },
  ];
  const elided: Json[] = [];
  const trajectory: Json[] = [];
  const sentTokens: number[] = [];
  let context = (SYSTEM_PROMPT.length + instancePrompt(instance.problemStatement).length) / 4;
  let received = 0;

  plan.steps.forEach((step: PlannedStep, index) => {
    const r = render(step.action);
    const id = model.toolCallId(rng);
    const args = JSON.stringify(r.args);
    const toolCall: Json = { function: { arguments: args, name: r.tool }, id, type: "function" };
    if (model.name.includes("claude")) toolCall.index = 1;
    const assistant: Json = { role: "assistant", content: step.thought, thought: step.thought, action: r.text, agent: "main", tool_calls: [toolCall], message_type: "action" };
    const shown = r.observation === "" ? NO_OUTPUT : `OBSERVATION:\n${r.observation}`;
    const tool: Json = { role: "tool", content: [{ type: "text", text: shown }], agent: "main", message_type: "observation", tool_call_ids: [id] };
    sentTokens.push(Math.round(context));
    received += (step.thought.length + args.length) / 4;
    context += (step.thought.length + args.length + shown.length) / 4;
    history.push(assistant, tool);
    elided.push({ ...tool, content: [{ type: "text", text: `Old environment output: (${r.observation.split("\n").length} lines omitted)` }] });
    const entry: Json = { action: r.text, observation: r.observation, response: step.thought, thought: step.thought, execution_time: step.seconds, state: { working_dir: "/testbed" } };
    if (mode === "full") entry.messages = history.slice();
    else if (mode === "elided") entry.messages = history.map((m, i) => (i >= 2 && i % 2 === 1 && (i - 3) / 2 < index - 4 ? elided[(i - 3) / 2] : m));
    entry.extra_info = {};
    trajectory.push(entry);
  });

  const submitted = plan.steps.some((s) => s.action.tool === "submit" && !s.action.review);
  let apiCalls = plan.steps.length;
  let exitStatus = "submitted";
  if (!submitted) {
    const reason = end === "format" ? "format" : end === "context" ? "context" : "cost";
    if (end === "format") {
      for (let k = 0; k < 3; k++) {
        const text = "I have made the change and I believe the issue is now fixed.";
        history.push({ role: "assistant", content: text, thought: text, action: "", agent: "main", message_type: "action" }, { role: "user", content: [{ type: "text", text: FORMAT_ERROR }], agent: "main", message_type: "user" });
        apiCalls++;
      }
    }
    exitStatus = plan.submission ? `submitted (exit_${reason})` : `exit_${reason}`;
    const message = { cost: "Exit due to cost limit", context: "Exit due to context window", format: "Exit due to repeated format errors" }[reason];
    trajectory.push({ action: "", observation: plan.submission ? "Exited (autosubmitted)" : "Exited", response: message, thought: message, execution_time: 0, state: { working_dir: "/testbed" }, extra_info: {} });
  }

  const tokensSent = sentTokens.reduce((a, b) => a + b, 0);
  const cost = (tokensSent * model.inputPrice + received * model.outputPrice) / 1e6;
  const limits = {
    costLimit: end === "cost" && !submitted ? Math.max(0.01, Number((cost * rng.float(0.9, 0.99)).toFixed(2))) : rng.pick([2, 3, 4]),
    maxInputTokens: end === "context" && !submitted ? Math.round(context * 0.98) : null,
  };
  const info: Json = {
    swe_agent_hash: rng.hex(40),
    swe_agent_version: "1.0.1",
    swe_rex_version: "1.2.1",
    swe_rex_hash: "unavailable",
    submission: submitted || plan.submission ? plan.submission : null,
    exit_status: exitStatus,
    ...editedFilesContext(plan.changed),
    model_stats: { instance_cost: Number(cost.toFixed(8)), tokens_sent: tokensSent, tokens_received: Math.round(received), api_calls: apiCalls },
  };
  return { trajectory, history, info, replay_config: replayConfig(instance, model.name, limits, mode), environment: instance.instanceId };
}
