import { describe, expect, it } from "vitest";
import { hasFixtures, readFixtureJson, readFixtureJsonl } from "@/lib/testing/fixtures";
import { normalizedEpisodeSchema, stepKindOf, type NormalizedEpisode, type StepPart } from "./episode";
import { RecordError } from "./format-module";
import { openHandsFormat } from "./openhands";

function parseOne(record: unknown, fileName = "output.jsonl"): NormalizedEpisode {
  const result = openHandsFormat.parse(record, { fileName, location: 1 });
  if (result.type !== "episodes") throw new Error("expected episodes");
  expect(result.episodes).toHaveLength(1);
  return normalizedEpisodeSchema.parse(result.episodes[0]);
}

function parts<T extends StepPart["type"]>(episode: NormalizedEpisode, type: T): Extract<StepPart, { type: T }>[] {
  return episode.steps.flatMap((s) => s.parts).filter((p): p is Extract<StepPart, { type: T }> => p.type === type);
}

function fieldOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof RecordError) return error.field;
    throw error;
  }
  throw new Error("expected a RecordError");
}

describe.skipIf(!hasFixtures)("OpenHands V0 fixtures", () => {
  const f10 = "10_openhands-v0_multi-swe-bench_output.jsonl";
  const f11 = "11_openhands-v0_event-stream_basic.json";

  it("10: three ponyc rows, one step per event (no event is content-free)", () => {
    const episodes = readFixtureJsonl(f10).map((row) => parseOne(row, f10));
    expect(episodes).toHaveLength(3);
    expect(episodes.map((e) => e.steps.length)).toEqual([49, 70, 103]);
    for (const episode of episodes) {
      expect(episode.formatVersion).toBe("v0");
      expect(episode.repo).toBe("ponylang/ponyc");
      expect(episode.model).toContain("llama-4-maverick");
      expect(episode.agent).toBe("CodeActAgent");
      expect(episode.meta.maxIterations).toBe(50);
      expect(episode.meta.openhandsVersion).toBe("0.35.0");
      expect(episode.meta.skippedEvents).toBeUndefined();
      expect(episode.outcome.resolved).toBeNull();
      expect(episode.outcome.exitStatusClass).toBe("unknown");
      expect(episode.outcome.failToPass).toBeNull();
      expect(episode.finalPatch?.startsWith("diff --git a/")).toBe(true);
      expect(episode.taskText?.startsWith("<uploaded_files>")).toBe(false);
      const json = JSON.stringify(episode);
      expect(json).not.toContain("api_key");
      expect(json).not.toContain("**********");
      expect(json).not.toContain("aws_secret_access_key");
    }
    const [first, second, third] = episodes;
    expect(first.instanceId).toBe("ponylang__ponyc-4595");
    expect(first.baseCommit).toBe("f8a2feebba3aea298bde89d445ad35ca48602ca7");
    expect(first.taskText?.startsWith("ponyc segfaults when trying to match using a single element tuple form")).toBe(true);
    expect(first.outcome.exitStatusRaw).toBe("finished");
    expect(first.outcome.error).toBeNull();
    expect(first.sourceMetrics).toEqual({ apiCalls: 23, costUsd: 0, tokensSent: 565158, tokensReceived: 2558 });
    expect(third.outcome.error).toBe(
      "RuntimeError: Agent reached maximum iteration in headless mode. Current iteration: 50, max iteration: 50",
    );
    expect(third.outcome.exitStatusRaw).toBe(third.outcome.error);

    const [system, task, recall, recalled, call, result] = first.steps;
    expect(system.role).toBe("system");
    expect(first.meta.tools).toHaveLength(4);
    expect(task.role).toBe("user");
    expect(recall.meta).toMatchObject({ kind: "recall", eventId: 2 });
    expect(recalled).toMatchObject({ role: "environment", meta: { kind: "recall", cause: 2 } });
    expect(call.role).toBe("assistant");
    expect(call.parts.map((p) => p.type)).toEqual(["reasoning", "tool_call"]);
    expect(call.parts[1]).toEqual({
      type: "tool_call",
      id: "toolu_01",
      name: "execute_bash",
      arguments: { command: "ls -l /workspace/ponylang__ponyc__0.1" },
    });
    expect(call.meta).toMatchObject({ eventId: 5, promptTokens: 5920, completionTokens: 128 });
    expect(result).toMatchObject({
      role: "tool",
      parts: [{ type: "observation", exitCode: 0, toolCallId: "toolu_01", toolName: "execute_bash" }],
      meta: { eventId: 6, cause: 5 },
    });

    const think = first.steps.find((s) => s.meta?.eventId === 47);
    expect(think?.parts.map((p) => p.type)).toEqual(["reasoning"]);
    const finish = first.steps.at(-1);
    expect(finish?.meta).toMatchObject({ taskCompleted: "partial" });
    expect(finish?.parts.map((p) => p.type)).toEqual(["reasoning", "message"]);

    // Row 1: the first edit failed (no diff), the second succeeded with a diff.
    const edits = first.steps.filter((s) => s.role === "tool" && s.parts[0].type === "observation" && s.parts[0].toolName === "str_replace_editor" && s.meta?.cause === 27);
    expect(edits[0].parts).toEqual([expect.objectContaining({ type: "observation", isError: true })]);
    const applied = first.steps.find((s) => s.meta?.cause === 31);
    expect(applied?.parts[1]).toMatchObject({ type: "file_edit", operation: "patch", path: "/workspace/ponylang__ponyc__0.1/src/libponyc/ast/parser.c" });
    expect((applied?.parts[1] as { diff?: string }).diff).toContain("+  SET_FLAG(AST_FLAG_IN_PARENS);");
    expect(parts(first, "file_edit").filter((p) => p.operation === "str_replace")).toHaveLength(2);

    // Row 2 and 3: the validation error has no cause and is a tool error.
    const error = second.steps.find((s) => s.parts.some((p) => p.type === "observation" && p.isError && p.text.startsWith("Parameter 'command'")));
    expect(error?.role).toBe("tool");
    expect(third.steps.filter((s) => stepKindOf(s) === "file_edit").length).toBeGreaterThan(0);
  });

  it("11: a bare event list is one episode: message, edit, its observation (cause 3), finish", () => {
    const events = readFixtureJson(f11);
    const episode = parseOne(events, f11);
    expect(episode.steps).toHaveLength(4);
    expect(episode.steps.map((s) => s.role)).toEqual(["user", "assistant", "tool", "assistant"]);
    expect(episode.taskText).toBe(
      "Please create a simple 2048 game. No need to run it. Please finish the interaction after your finish coding.",
    );
    expect(episode.instanceId).toBeNull();
    expect(episode.agent).toBe("openhands");
    expect(episode.model).toBe("claude-3-5-sonnet-20241022");
    expect(episode.outcome.exitStatusRaw).toBe("finished");

    const [, edit, observed, finish] = episode.steps;
    // The edit action's args lack the command: it is recovered from the model's own tool call.
    const call = edit.parts.find((p) => p.type === "tool_call");
    expect(call).toMatchObject({ id: "toolu_017nBp7UfiGqyrA7j77HgtFP", name: "str_replace_editor", arguments: { command: "create", path: "/workspace/game_2048.py" } });
    const created = edit.parts.find((p) => p.type === "file_edit");
    expect(created).toMatchObject({ operation: "create", path: "/workspace/game_2048.py" });
    expect((created as { newText?: string }).newText?.startsWith("import random\nimport keyboard\n")).toBe(true);
    expect(observed.meta).toEqual({ eventId: 4, cause: 3 });
    expect(observed.parts[0]).toMatchObject({ type: "observation", toolCallId: "toolu_017nBp7UfiGqyrA7j77HgtFP" });
    expect(observed.parts[1]).toMatchObject({ type: "file_edit", operation: "patch", path: "/workspace/game_2048.py" });
    expect(finish.parts.map((p) => p.type)).toEqual(["message"]);
    expect(finish.meta).toMatchObject({ eventId: 5, toolCallId: "toolu_01BUKu3B7nY574atNECkBiFk" });
  });
});

describe("OpenHands V0 edge cases", () => {
  it("keeps content-free events out of the steps but counts them", () => {
    const events = [
      { id: 0, source: "user", action: "message", args: { content: "Fix the bug" } },
      { id: 1, source: "environment", observation: "agent_state_changed", content: "", extras: { agent_state: "running" } },
      { id: 2, source: "agent", action: "run", args: { command: "pytest", thought: "" } },
      { id: 3, source: "agent", observation: "run", cause: 2, content: "1 failed", extras: { metadata: { exit_code: 1 } } },
      { id: 4, source: "agent", observation: "null", content: "", extras: {} },
      { id: 5, source: "agent", observation: "loop_detection", content: "Agent got stuck in a loop", extras: {} },
      { id: 6, source: "environment", observation: "agent_state_changed", content: "", extras: { agent_state: "error" } },
    ];
    const episode = parseOne(events, "replay.json");
    expect(episode.steps).toHaveLength(4);
    expect(episode.meta.skippedEvents).toEqual({ agent_state_changed: 2, null: 1 });
    expect(episode.steps[1].parts).toEqual([{ type: "tool_call", name: "execute_bash", arguments: { command: "pytest" } }]);
    expect(episode.steps[2].parts[0]).toEqual({ type: "observation", text: "1 failed", exitCode: 1, toolName: "execute_bash" });
    expect(episode.steps[3].parts[0]).toMatchObject({ isError: true });
    expect(episode.outcome.exitStatusRaw).toBe("error");
  });

  it("reads a test report when the evaluation wrote one", () => {
    const row = {
      instance_id: "django__django-11099",
      instance: { repo: "django/django", patch: "diff --git a/x b/x", test_patch: "diff --git a/t b/t" },
      metadata: { agent_class: "CodeActAgent", llm_config: { model: "gpt-4o", api_key: "sk-live-secret" } },
      history: [],
      test_result: {
        git_patch: "diff --git a/y b/y",
        report: { resolved: true, empty_generation: false, tests_status: { FAIL_TO_PASS: { success: ["t1"], failure: [] } } },
      },
    };
    const episode = parseOne(row);
    expect(episode.outcome.resolved).toBe(true);
    expect(episode.outcome.failToPass).toEqual({ success: ["t1"], failure: [] });
    expect(episode.outcome.passToPass).toBeNull();
    expect(episode.goldPatch).toBe("diff --git a/x b/x");
    expect(episode.testPatch).toBe("diff --git a/t b/t");
    expect(episode.meta.evalReport).toEqual({ empty_generation: false });
    expect(episode.steps).toEqual([]);
    expect(JSON.stringify(episode)).not.toContain("sk-live-secret");
  });

  it("names the field of a record that cannot be an episode", () => {
    const parse = (record: unknown) => () => openHandsFormat.parse(record, { fileName: "output.jsonl", location: 1 });
    expect(fieldOf(parse("text"))).toBe("$");
    expect(fieldOf(parse({ instance_id: "a__b-1", history: { id: 1 } }))).toBe("history");
    expect(fieldOf(parse({ history: [{ id: 0, source: "user", action: "message" }, "oops"] }))).toBe("history[1]");
    expect(fieldOf(parse([{ id: 0, source: "user", action: "message" }, 7]))).toBe("$[1]");
  });
});

/** A V1 (software-agent-sdk) evaluation row, shaped like the SDK's serialized events. */
const v1Row = {
  instance_id: "psf__requests-2317",
  instruction: "Fix the method handling in requests",
  instance: { repo: "psf/requests", base_commit: "091991be0da19de9108dbe5e3752917fea3d7fdc", problem_statement: "method = builtin_str(method) breaks binary methods" },
  metadata: {
    llm: { model: "litellm_proxy/claude-sonnet-4-5-20250929", api_key: "**********", temperature: 0 },
    max_iterations: 100,
  },
  history: [
    {
      kind: "SystemPromptEvent",
      id: "5f0c1a8e-0001",
      timestamp: "2025-10-14T09:12:01.100000",
      source: "agent",
      system_prompt: { type: "text", text: "You are OpenHands agent, a helpful AI assistant." },
      tools: [{ name: "terminal" }, { name: "file_editor" }, { name: "finish" }],
    },
    {
      kind: "MessageEvent",
      id: "5f0c1a8e-0002",
      timestamp: "2025-10-14T09:12:01.200000",
      source: "user",
      llm_message: { role: "user", content: [{ type: "text", text: "<issue_description>\nmethod = builtin_str(method) breaks binary methods\n</issue_description>" }] },
      activated_skills: [],
      extended_content: [],
    },
    {
      kind: "ActionEvent",
      id: "5f0c1a8e-0003",
      timestamp: "2025-10-14T09:12:04.000000",
      source: "agent",
      thought: [{ type: "text", text: "Let me find where the method is converted." }],
      reasoning_content: "The bug is probably in sessions.py.",
      action: { kind: "TerminalAction", command: "grep -n builtin_str requests/sessions.py", is_input: false, timeout: null },
      tool_name: "terminal",
      tool_call_id: "toolu_a1",
      tool_call: { id: "toolu_a1", name: "terminal", arguments: '{"command": "grep -n builtin_str requests/sessions.py"}', origin: "completion" },
      llm_response_id: "chatcmpl-1",
      security_risk: "LOW",
    },
    {
      kind: "ObservationEvent",
      id: "5f0c1a8e-0004",
      timestamp: "2025-10-14T09:12:04.600000",
      source: "environment",
      tool_name: "terminal",
      tool_call_id: "toolu_a1",
      observation: { kind: "TerminalObservation", content: [{ type: "text", text: "428:        method = builtin_str(method)" }], is_error: false, command: "grep -n builtin_str requests/sessions.py", exit_code: 0, timeout: false },
      action_id: "5f0c1a8e-0003",
    },
    {
      kind: "ActionEvent",
      id: "5f0c1a8e-0005",
      timestamp: "2025-10-14T09:12:09.000000",
      source: "agent",
      thought: [],
      action: { kind: "FileEditorAction", command: "str_replace", path: "/workspace/requests/requests/sessions.py", old_str: "method = builtin_str(method)", new_str: "method = to_native_string(method)" },
      tool_name: "file_editor",
      tool_call_id: "toolu_a2",
      tool_call: { id: "toolu_a2", name: "file_editor", arguments: '{"command": "str_replace", "path": "/workspace/requests/requests/sessions.py", "old_str": "method = builtin_str(method)", "new_str": "method = to_native_string(method)"}', origin: "completion" },
      llm_response_id: "chatcmpl-2",
    },
    {
      kind: "ObservationEvent",
      id: "5f0c1a8e-0006",
      timestamp: "2025-10-14T09:12:09.300000",
      source: "environment",
      tool_name: "file_editor",
      tool_call_id: "toolu_a2",
      observation: { kind: "FileEditorObservation", command: "str_replace", output: "The file has been edited.", path: "/workspace/requests/requests/sessions.py", prev_exist: true, old_content: "a\nmethod = builtin_str(method)\n", new_content: "a\nmethod = to_native_string(method)\n", error: null },
      action_id: "5f0c1a8e-0005",
    },
    { kind: "ConversationStateUpdateEvent", id: "5f0c1a8e-0007", timestamp: "2025-10-14T09:12:10.000000", source: "environment", key: "execution_status", value: "running" },
    {
      kind: "AgentErrorEvent",
      id: "5f0c1a8e-0008",
      timestamp: "2025-10-14T09:12:11.000000",
      source: "agent",
      tool_name: "terminal",
      tool_call_id: "toolu_a3",
      error: "Tool 'terminal' got unexpected argument 'cmd'",
    },
    {
      kind: "ActionEvent",
      id: "5f0c1a8e-0009",
      timestamp: "2025-10-14T09:12:15.000000",
      source: "agent",
      thought: [{ type: "text", text: "The fix is in place." }],
      action: { kind: "FinishAction", message: "Replaced builtin_str with to_native_string." },
      tool_name: "finish",
      tool_call_id: "toolu_a4",
      tool_call: { id: "toolu_a4", name: "finish", arguments: '{"message": "Replaced builtin_str with to_native_string."}', origin: "completion" },
      llm_response_id: "chatcmpl-3",
    },
    { kind: "ConversationStateUpdateEvent", id: "5f0c1a8e-0010", timestamp: "2025-10-14T09:12:15.100000", source: "environment", key: "execution_status", value: "finished" },
  ],
  metrics: { accumulated_cost: 0.0421, accumulated_token_usage: { prompt_tokens: 18230, completion_tokens: 611 } },
  error: null,
  test_result: { git_patch: "diff --git a/requests/sessions.py b/requests/sessions.py\n" },
};

describe("OpenHands V1 SDK rows", () => {
  it("detects a V1 row and maps ActionEvent / ObservationEvent pairs", () => {
    expect(openHandsFormat.detect(v1Row, { fileName: "output.jsonl", container: "jsonl" })).toBeGreaterThanOrEqual(0.9);
    const episode = parseOne(v1Row);
    expect(episode.formatVersion).toBe("v1");
    expect(episode.agent).toBe("openhands");
    expect(episode.model).toBe("litellm_proxy/claude-sonnet-4-5-20250929");
    expect(episode.meta).toMatchObject({ maxIterations: 100, llmConfig: { model: "litellm_proxy/claude-sonnet-4-5-20250929", temperature: 0 } });
    expect(episode.meta.skippedEvents).toEqual({ ConversationStateUpdateEvent: 2 });
    expect(episode.meta.tools).toHaveLength(3);
    expect(episode.outcome.exitStatusRaw).toBe("finished");
    expect(episode.sourceMetrics).toEqual({ apiCalls: 3, costUsd: 0.0421, tokensSent: 18230, tokensReceived: 611 });
    expect(episode.taskText).toBe("method = builtin_str(method) breaks binary methods");
    expect(episode.steps.map((s) => s.role)).toEqual(["system", "user", "assistant", "tool", "assistant", "tool", "tool", "assistant"]);

    const [, , grep, grepped, edit, edited, failed, finish] = episode.steps;
    expect(grep.parts).toEqual([
      { type: "reasoning", text: "The bug is probably in sessions.py." },
      { type: "reasoning", text: "Let me find where the method is converted." },
      { type: "tool_call", id: "toolu_a1", name: "terminal", arguments: { command: "grep -n builtin_str requests/sessions.py" } },
    ]);
    expect(grepped.parts).toEqual([
      { type: "observation", text: "428:        method = builtin_str(method)", exitCode: 0, toolCallId: "toolu_a1", toolName: "terminal" },
    ]);
    expect(grepped.meta).toEqual({ eventId: "5f0c1a8e-0004", cause: "5f0c1a8e-0003" });
    expect(edit.parts[1]).toEqual({
      type: "file_edit",
      path: "/workspace/requests/requests/sessions.py",
      operation: "str_replace",
      oldText: "method = builtin_str(method)",
      newText: "method = to_native_string(method)",
    });
    expect(edited.parts[1]).toMatchObject({ type: "file_edit", operation: "patch", before: "a\nmethod = builtin_str(method)\n", after: "a\nmethod = to_native_string(method)\n" });
    expect(failed.parts[0]).toMatchObject({ type: "observation", isError: true, text: "Tool 'terminal' got unexpected argument 'cmd'" });
    expect(finish.parts).toEqual([
      { type: "reasoning", text: "The fix is in place." },
      { type: "message", text: "Replaced builtin_str with to_native_string." },
    ]);
    expect(JSON.stringify(episode)).not.toContain("**********");
  });

  it("falls back to the action's fields when the tool call is missing, and reads `output` observations", () => {
    const row = {
      instance_id: "a__b-1",
      history: [
        { kind: "ActionEvent", id: "e1", source: "agent", thought: [], action: { kind: "ExecuteBashAction", command: "ls" }, tool_name: "execute_bash", tool_call_id: "c1" },
        { kind: "ObservationEvent", id: "e2", source: "environment", tool_name: "execute_bash", tool_call_id: "c1", observation: { kind: "ExecuteBashObservation", output: "README", exit_code: 0 }, action_id: "e1" },
      ],
    };
    const episode = parseOne(row);
    expect(episode.steps[0].parts).toEqual([{ type: "tool_call", id: "c1", name: "execute_bash", arguments: { command: "ls" } }]);
    expect(episode.steps[1].parts[0]).toMatchObject({ text: "README", exitCode: 0 });
    expect(fieldOf(() => openHandsFormat.parse({ history: [row.history[0], null] }, { fileName: "x", location: 1 }))).toBe("history[1]");
  });
});
