/**
 * The signature of a normalized step, before it is stored: the same fields `getStepSignatures`
 * reads from the stored columns, for code (and tests) that hold parsed episodes.
 */
import { stepKindOf, type Step } from "@/lib/formats/episode";
import { stepText } from "@/lib/ingest/to-rows";
import { commandArguments, stepSignature, type StepSignature } from "./signature";

/** The same signature from a normalized step, before it is stored (what the stored columns hold). */
export function signatureOfStep(step: Step, idx: number): StepSignature {
  const call = step.parts.find((p) => p.type === "tool_call");
  const observation = step.parts.find((p) => p.type === "observation");
  const edit = step.parts.find((p) => p.type === "file_edit");
  const args = call?.arguments ?? {};
  const command = commandArguments.map((key) => args[key]).find((value) => typeof value === "string");
  return stepSignature({
    idx,
    kind: stepKindOf(step),
    toolName: call?.name ?? observation?.toolName ?? null,
    command: typeof command === "string" ? command : null,
    path: typeof args.path === "string" ? args.path : (edit?.path ?? null),
    head: stepText(step),
  });
}
