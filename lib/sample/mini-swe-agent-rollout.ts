/**
 * A mini-swe-agent `trajectory_format: "mini-swe-agent-1"` object: a flat chat where each
 * assistant turn holds one ```bash block and each observation comes back as a user turn
 * `<returncode>N</returncode>\n<output>…</output>`. Edits are shell heredocs, not editor tools.
 */
import { planEpisode, type Action, type EpisodeEnd } from "./episode-plan";
import { createInstance, type Instance } from "./instance";
import { miniSweAgentModels, type ModelProfile } from "./models";
import type { Rng } from "./random";
import { catN } from "./shell-output";

export type MiniSweAgentOptions = {
  instance?: Instance;
  model?: ModelProfile;
  end?: EpisodeEnd;
  steps?: number;
  medianSteps?: number;
  bigOutputChance?: number;
  secretChance?: number;
};

type Json = Record<string, unknown>;

const SUBMIT = "echo COMPLETE_TASK_AND_SUBMIT_FINAL_OUTPUT && git add -A && git diff --cached";
const MAX_OUTPUT = 10000;

const SYSTEM = [
  "You are a helpful assistant that solves programming tasks by running shell commands.",
  "Every reply must contain exactly ONE bash code block with ONE command (chain commands with && or || if needed).",
  "Start your reply with a THOUGHT section that explains your reasoning.",
].join("\n");

const INSTANCE = [
  "<pr_description>",
  "{{task}}",
  "</pr_description>",
  "",
  "Make the minimal changes to non-test files in the current directory so that the issue above is resolved.",
  "When you are done, run `echo COMPLETE_TASK_AND_SUBMIT_FINAL_OUTPUT && git add -A && git diff --cached` and nothing else.",
].join("\n");

const FORMAT_ERROR = "Please always provide EXACTLY ONE action in triple backticks, found {{actions|length}} actions.";

function observation(output: string, returncode: number): string {
  if (output.length <= MAX_OUTPUT) return `<returncode>${returncode}</returncode>\n<output>\n${output}${output ? "\n" : ""}</output>`;
  const head = output.slice(0, MAX_OUTPUT / 2);
  const tail = output.slice(-MAX_OUTPUT / 2);
  return [
    `<returncode>${returncode}</returncode>`,
    "<warning>",
    "The output of your last command was too long. Use head, tail, grep or sed to look at the part you need.",
    "</warning><output_head>",
    head,
    "</output_head>",
    "<elided_chars>",
    `${output.length - head.length - tail.length} characters elided`,
    "</elided_chars>",
    "<output_tail>",
    tail,
    "</output_tail>",
  ].join("\n");
}

const heredoc = (text: string) => (text.endsWith("\n") ? text : `${text}\n`);

/** The shell command for an action and what it prints. */
function toShell(action: Action): { command: string; output: string; returncode: number } {
  switch (action.tool) {
    case "bash":
      return { command: action.command, output: action.output, returncode: action.exitCode };
    case "view":
      return action.range
        ? { command: `nl -ba ${action.path} | sed -n '${action.range[0]},${action.range[1]}p'`, output: catN(action.lines, action.range[0], action.range[1]), returncode: 0 }
        : { command: `cat ${action.path}`, output: action.lines.join("\n"), returncode: 0 };
    case "create":
      return { command: `cat <<'EOF' > ${action.path}\n${heredoc(action.content)}EOF`, output: "", returncode: 0 };
    case "str_replace": {
      const command = [
        "python - <<'PY'",
        "from pathlib import Path",
        `p = Path("${action.path}")`,
        "s = p.read_text()",
        `old = '''${action.old}'''`,
        `new = '''${action.new}'''`,
        'assert s.count(old) == 1, "expected exactly one match"',
        "p.write_text(s.replace(old, new))",
        "PY",
      ].join("\n");
      const failure = `Traceback (most recent call last):\n  File "<stdin>", line 6, in <module>\nAssertionError: expected exactly one match`;
      return { command, output: action.ok ? "" : failure, returncode: action.ok ? 0 : 1 };
    }
    case "insert":
      return { command: `sed -i '${action.line}r /dev/stdin' ${action.path} <<'EOF'\n${heredoc(action.text)}EOF`, output: "", returncode: 0 };
    case "submit":
      return { command: SUBMIT, output: action.diff, returncode: 0 };
  }
}

export function generateMiniSweAgentTraj(rng: Rng, options: MiniSweAgentOptions = {}): Json {
  const instance = options.instance ?? createInstance(rng);
  const model = options.model ?? rng.pick(miniSweAgentModels);
  const end = options.end ?? rng.weighted([["submit", 82], ["cost", 12], ["format", 6]] as const);
  const plan = planEpisode(rng, instance, {
    targetSteps: options.steps ?? rng.logNormalInt(options.medianSteps ?? 20, 0.6, 5, 120),
    style: "bash",
    end,
    skill: model.skill,
    verbosity: model.verbosity,
    bigOutputChance: options.bigOutputChance ?? 0.02,
    secretChance: options.secretChance ?? 0.03,
  });

  const messages: Json[] = [
    { role: "system", content: SYSTEM },
    { role: "user", content: INSTANCE.replace("{{task}}", instance.problemStatement) },
  ];
  let context = (SYSTEM.length + instance.problemStatement.length + INSTANCE.length) / 4;
  let cost = 0;
  let created = 1_750_000_000 + rng.int(0, 20_000_000);
  const reply = (content: string) => {
    const completion = Math.round(content.length / 4);
    cost += (context * model.inputPrice + completion * model.outputPrice) / 1e6;
    created += rng.int(2, 40);
    const usage = { prompt_tokens: Math.round(context), completion_tokens: completion, total_tokens: Math.round(context) + completion };
    const response = { id: `gen-${created}-${rng.alnum(20)}`, model: model.name, object: "chat.completion", created, choices: [{ finish_reason: "stop", index: 0, message: { role: "assistant", content } }], usage };
    messages.push({ role: "assistant", content, extra: { response } });
    context += content.length / 4;
  };

  for (const step of plan.steps) {
    const shell = toShell(step.action);
    reply(`THOUGHT: ${step.thought}\n\n\`\`\`bash\n${shell.command}\n\`\`\``);
    const content = step.action.tool === "submit" ? shell.output : observation(shell.output, shell.returncode);
    messages.push({ role: "user", content });
    context += content.length / 4;
  }
  const submitted = plan.steps.some((s) => s.action.tool === "submit");
  if (!submitted && end === "format") {
    reply("THOUGHT: I believe the fix is complete. I have verified that the changes resolve the issue.");
    messages.push({ role: "user", content: FORMAT_ERROR.replace("{{actions|length}}", "0") });
  }
  const exitStatus = submitted ? "Submitted" : end === "format" ? "FormatError" : "LimitsExceeded";
  const apiCalls = messages.filter((m) => m.role === "assistant").length;

  return {
    info: {
      exit_status: exitStatus,
      submission: submitted ? plan.submission : "",
      model_stats: { instance_cost: Number(cost.toFixed(8)), api_calls: apiCalls },
      mini_version: rng.pick(["1.9.1", "1.12.0", "1.15.0"]),
      config: {
        agent: {
          system_template: SYSTEM,
          instance_template: INSTANCE,
          format_error_template: FORMAT_ERROR,
          action_observation_template: "<returncode>{{output.returncode}}</returncode>\n<output>\n{{output.output}}</output>",
          step_limit: end === "cost" ? apiCalls : 250,
          cost_limit: end === "cost" ? Number((cost * 0.98).toFixed(2)) : 3,
        },
        model: { model_name: model.name, model_kwargs: { temperature: 0 } },
        environment: {
          image: `docker.io/swebench/sweb.eval.x86_64.${instance.instanceId.replace("__", "_1776_")}:latest`,
          cwd: "/testbed",
          env: { PAGER: "cat", MANPAGER: "cat", LESS: "-R", PIP_PROGRESS_BAR: "off", TQDM_DISABLE: "1" },
          timeout: 60,
          executable: "docker",
        },
        agent_type: "minisweagent.run.extra.swebench.ProgressTrackingAgent",
        model_type: "minisweagent.models.litellm_model.LitellmModel",
        environment_type: "minisweagent.environments.docker.DockerEnvironment",
      },
    },
    messages,
    trajectory_format: "mini-swe-agent-1",
    instance_id: instance.instanceId,
  };
}
