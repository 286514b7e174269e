import { describe, expect, it } from "vitest";
import type { ExitStatusClass } from "@/lib/formats/episode";
import { classifyExitStatus, describeExitStatus } from "./exit-status";

const cases: [raw: string | null, cls: ExitStatusClass, hitLimit: boolean][] = [
  // missing
  [null, "unknown", false],
  ["", "unknown", false],
  ["   ", "unknown", false],
  // SWE-agent
  ["submitted", "submitted", false],
  ["exit_cost", "limit", true],
  ["exit_context", "context_overflow", true],
  ["exit_format", "format_error", false],
  ["exit_command_timeout", "timeout", true],
  ["exit_total_execution_time", "timeout", true],
  ["exit_api", "environment_error", false],
  ["exit_environment_error", "environment_error", false],
  ["exit_error", "other", false],
  ["exit_forfeit", "other", false],
  ["early_exit", "other", false],
  ["submitted (exit_cost)", "submitted", true],
  ["submitted (exit_context)", "submitted", true],
  ["submitted (exit_format)", "submitted", false],
  ["submitted (exit_error)", "submitted", false],
  // mini-swe-agent
  ["Submitted", "submitted", false],
  ["LimitsExceeded", "limit", true],
  ["finished", "submitted", false],
  ["TimeExceeded", "timeout", true],
  ["FormatError", "format_error", false],
  ["RepeatedFormatError", "format_error", false],
  ["TimeoutExpired", "timeout", true],
  ["ContextWindowExceededError", "context_overflow", true],
  ["APIConnectionError", "environment_error", false],
  ["RateLimitError", "environment_error", false],
  ["DockerException", "environment_error", false],
  ["KeyboardInterrupt", "other", false],
  ["ValueError", "other", false],
  ["RuntimeError", "other", false],
  // OpenHands error strings
  ["RuntimeError: Agent reached maximum iteration in headless mode. Current iteration: 50, max iteration: 50", "limit", true],
  ["Agent reached maximum budget for conversation.Current budget: 1.01, max budget: 1.00", "limit", true],
  ["litellm.ContextWindowExceededError: This model's maximum context length is 128000 tokens", "context_overflow", true],
  ["AgentRuntimeDisconnectedError: Runtime disconnected", "environment_error", false],
  ["AgentRuntimeTimeoutError: Runtime failed to return execute_action", "environment_error", false],
  ["LLMMalformedActionError: Invalid action", "format_error", false],
  ["FunctionCallValidationError: Missing required argument", "format_error", false],
  ["Agent got stuck in a loop", "other", false],
];

describe("describeExitStatus", () => {
  it.each(cases)("%j -> %s (hitLimit %s)", (raw, cls, hitLimit) => {
    expect(describeExitStatus(raw)).toEqual({ exitStatusClass: cls, hitLimit });
    expect(classifyExitStatus(raw)).toBe(cls);
  });
});
