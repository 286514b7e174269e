import type { ViewerStep } from "@/lib/viewer/read-steps";
import { parseTestOutput, type TestRunSummary } from "@/lib/viewer/test-output";

export type ShownKind = ViewerStep["kind"];

export const kindLabels: Record<ShownKind, string> = {
  message: "message",
  reasoning: "reasoning",
  tool_call: "tool call",
  observation: "observation",
  file_edit: "file edit",
  test_run: "test run",
};

export const kindTones: Record<ShownKind, string> = {
  message: "bg-stone-100 text-stone-800",
  reasoning: "bg-indigo-50 text-indigo-900",
  tool_call: "bg-blue-50 text-blue-900",
  observation: "bg-stone-800 text-stone-100",
  file_edit: "bg-violet-50 text-violet-900",
  test_run: "bg-emerald-50 text-emerald-900",
};

/** An observation whose output shows a test run is shown as a test run, with its counts. */
export function testRunOf(step: ViewerStep): TestRunSummary | null {
  for (const part of step.parts) {
    if (part.type !== "observation") continue;
    const summary = parseTestOutput(part.text);
    if (summary) return summary;
  }
  return null;
}
