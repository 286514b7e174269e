/**
 * Exit statuses come as free text from every agent framework (SWE-agent codes, mini-swe-agent
 * exception names, OpenHands error messages). Curators filter on one small set of classes, so
 * every raw value is folded into `ExitStatusClass` here and nowhere else.
 */
import type { ExitStatusClass } from "@/lib/formats/episode";

export type ExitStatus = {
  exitStatusClass: ExitStatusClass;
  /** A budget (cost, steps, context, time) ran out, even when a patch was still submitted. */
  hitLimit: boolean;
};

/** Exact codes, compared lower-cased. */
const exactCodes: Record<string, ExitStatusClass> = {
  // SWE-agent
  submitted: "submitted",
  exit_cost: "limit",
  exit_context: "context_overflow",
  exit_format: "format_error",
  exit_command_timeout: "timeout",
  exit_total_execution_time: "timeout",
  exit_api: "environment_error",
  exit_environment_error: "environment_error",
  exit_error: "other",
  exit_forfeit: "other",
  early_exit: "other",
  // mini-swe-agent
  limitsexceeded: "limit",
  timeexceeded: "timeout",
  formaterror: "format_error",
  repeatedformaterror: "format_error",
  // OpenHands agent states: "finished" means the agent called finish with its answer.
  finished: "submitted",
};

/**
 * Free-text rules, first match wins. Order matters: OpenHands reports step limits as
 * "RuntimeError: Agent reached maximum iteration", so limit phrases are checked before the
 * runtime/environment ones.
 */
const textRules: [RegExp, ExitStatusClass][] = [
  [/context ?window ?exceeded|context[ _]length[ _]exceeded|maximum context length|context window|prompt is too long|too many tokens/i, "context_overflow"],
  [/maximum (iteration|budget|steps?|turns?)|max_?(iterations?|steps|turns|budget)|limits? ?exceeded|cost limit|budget|step limit|token_limit/i, "limit"],
  [/malformed ?action|no ?action|format ?error|function ?call ?(validation|not ?exists)|parse error|invalid (tool|function) call/i, "format_error"],
  [/\w+runtime\w*error|sandbox|docker|container|environment|connection|api ?error|rate ?limit|service ?unavailable|internal ?server|authentication|permission ?denied|oserror|brokenpipe|disconnected/i, "environment_error"],
  [/time ?out|timed ?out|time ?exceeded|timeoutexpired/i, "timeout"],
];

/** Classes that mean the run was cut off by a budget rather than by its own choice or a crash. */
const limitClasses = new Set<ExitStatusClass>(["limit", "context_overflow", "timeout"]);

function classifyOne(value: string): ExitStatusClass {
  const exact = exactCodes[value.toLowerCase()];
  if (exact) return exact;
  for (const [pattern, cls] of textRules) if (pattern.test(value)) return cls;
  return "other";
}

/** Exit status class plus whether a limit was hit, from one raw value (code or error text). */
export function describeExitStatus(raw: string | null | undefined): ExitStatus {
  const value = raw?.trim() ?? "";
  if (value === "") return { exitStatusClass: "unknown", hitLimit: false };
  // SWE-agent composites such as "submitted (exit_cost)": a patch was produced after a limit.
  const composite = /^submitted\s*\((.+)\)$/i.exec(value);
  if (composite) {
    return { exitStatusClass: "submitted", hitLimit: limitClasses.has(classifyOne(composite[1].trim())) };
  }
  const exitStatusClass = classifyOne(value);
  return { exitStatusClass, hitLimit: limitClasses.has(exitStatusClass) };
}

export function classifyExitStatus(raw: string | null): ExitStatusClass {
  return describeExitStatus(raw).exitStatusClass;
}
