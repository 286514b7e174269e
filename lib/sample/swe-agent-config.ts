/**
 * The run configuration SWE-agent 1.x stores (JSON-encoded) as `replay_config`, and the prompt
 * texts it renders into history. Wording is our own; the structure follows SWE-agent's config
 * (env, agent.templates/tools/model, problem_statement) so importers can read model and task.
 */
import type { Instance } from "./instance";

export const SYSTEM_PROMPT = "You are a capable software engineer working in a sandboxed Linux environment through the tools provided.";

export function instancePrompt(problem: string): string {
  return [
    "<uploaded_files>",
    "/testbed",
    "</uploaded_files>",
    "A Python repository has been uploaded to /testbed. Here is the issue to resolve:",
    "",
    "<pr_description>",
    problem,
    "</pr_description>",
    "",
    "Please change the non-test source files in /testbed so that the issue is resolved. Tests that",
    "check the behaviour have already been written, so you do not need to modify any tests.",
    "A good way to proceed:",
    "1. Find and read the code involved.",
    "2. Write a script that reproduces the problem and run it with `python <file>` via the bash tool.",
    "3. Fix the source code.",
    "4. Run your script again to confirm the fix.",
    "5. Consider edge cases and make sure they are handled too.",
  ].join("\n");
}

export const REVIEW_MESSAGE = [
  "Before your changes are submitted, please review them:",
  "",
  "1. If you changed code after last running your reproduction script, run it again and make sure it passes.",
  "2. Delete any reproduction or scratch scripts you created.",
  "3. If you modified test files, restore them with `git checkout -- <file>`; the diff below shows which files changed.",
  "4. Then run the submit command once more.",
  "",
  "Your current changes:",
  "",
].join("\n");

export const NO_OUTPUT = "Your command ran successfully and did not produce any output.";
export const FORMAT_ERROR = "Your reply did not contain a tool call. Respond with exactly one function call; if you are done, call `submit`.";

export type RunLimits = { costLimit: number; maxInputTokens: number | null };

export function replayConfig(instance: Instance, model: string, limits: RunLimits, historyMode: "full" | "elided" | "none"): string {
  const config = {
    env: {
      deployment: { image: `swebench/sweb.eval.x86_64.${instance.instanceId.replace("__", "_1776_")}:latest`, port: null, docker_args: [], startup_timeout: 180, pull: "missing", remove_images: false, type: "docker" },
      repo: { repo_name: "testbed", base_commit: instance.baseCommit, type: "preexisting" },
      post_startup_commands: [],
      name: "main",
    },
    agent: {
      name: instance.instanceId,
      templates: {
        system_template: SYSTEM_PROMPT,
        instance_template: instancePrompt("{{problem_statement}}"),
        next_step_template: "OBSERVATION:\n{{observation}}",
        next_step_no_output_template: NO_OUTPUT,
        max_observation_length: 100000,
      },
      tools: {
        bundles: [{ path: "tools/registry", hidden_tools: [] }, { path: "tools/edit_anthropic", hidden_tools: [] }, { path: "tools/review_on_submit_m", hidden_tools: [] }],
        env_variables: { PAGER: "cat", MANPAGER: "cat", PIP_PROGRESS_BAR: "off", TQDM_DISABLE: "1" },
        submit_command: "submit",
        parse_function: { error_message: FORMAT_ERROR, type: "function_calling" },
        enable_bash_tool: true,
        execution_timeout: 30,
        total_execution_timeout: 1800,
      },
      history_processors:
        historyMode === "elided" ? [{ n: 5, polling: 1, always_remove_output_for_tags: ["remove_output"], type: "last_n_observations" }] : [{ last_n_messages: 2, type: "cache_control" }],
      model: {
        name: model,
        per_instance_cost_limit: limits.costLimit,
        total_cost_limit: 0,
        per_instance_call_limit: 0,
        temperature: 0,
        top_p: 1,
        api_base: null,
        api_key: "**********",
        max_input_tokens: limits.maxInputTokens,
        max_output_tokens: null,
      },
      max_requeries: 3,
      type: "default",
    },
    problem_statement: { text: instance.problemStatement, extra_fields: { fail_to_pass: instance.failToPass }, type: "text", id: instance.instanceId },
    output_dir: `trajectories/${model.split("/").pop()}__run-${instance.baseCommit.slice(0, 6)}`,
    actions: { open_pr: false, apply_patch_locally: false },
    env_var_path: null,
  };
  return JSON.stringify(config);
}
