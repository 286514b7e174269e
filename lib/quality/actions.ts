/**
 * The agent's actions paired with the observations they produced, reduced to comparable keys.
 * Loop detection works on this list rather than on raw steps because formats split calls and
 * results differently (one step with both, a call step then a tool step, several calls per step).
 */
import type { ObservationPart, Step, StepPart } from "@/lib/formats/episode";
import { canonicalJson, fingerprint } from "./fingerprint";

export type ActionRecord = {
  /** Index into `episode.steps` of the step holding the call. */
  step: number;
  /** Tool name + canonical arguments (or the edit itself), fingerprinted. */
  key: string;
  observationStep: number | null;
  observationKey: string | null;
  isError: boolean;
};

type PendingAction = ActionRecord & { toolCallId?: string };

export function isErrorObservation(part: ObservationPart): boolean {
  return part.isError === true || (typeof part.exitCode === "number" && part.exitCode !== 0);
}

function actionKey(part: StepPart): string | null {
  if (part.type === "tool_call") return fingerprint(`${part.name}\u0000${canonicalJson(part.arguments)}`);
  if (part.type === "file_edit") return fingerprint(`edit\u0000${canonicalJson(part)}`);
  return null;
}

/** The parts of a step that count as actions: its tool calls, or its edits when it has no calls. */
function actionParts(step: Step): StepPart[] {
  const calls = step.parts.filter((p) => p.type === "tool_call");
  // Parsers may keep an editor call and the edit derived from it side by side; count it once.
  return calls.length > 0 ? calls : step.parts.filter((p) => p.type === "file_edit");
}

export function collectActions(steps: Step[]): ActionRecord[] {
  const actions: PendingAction[] = [];
  // Only calls of the latest acting step can receive observations: a late result must not be
  // credited to an action the agent has already moved on from.
  let pending: PendingAction[] = [];
  steps.forEach((step, stepIndex) => {
    const parts = actionParts(step);
    if (parts.length > 0) {
      pending = parts.map((part) => ({
        step: stepIndex,
        key: actionKey(part) ?? "",
        observationStep: null,
        observationKey: null,
        isError: false,
        toolCallId: part.type === "tool_call" ? part.id : undefined,
      }));
      actions.push(...pending);
    }
    for (const part of step.parts) {
      if (part.type !== "observation") continue;
      const target =
        (part.toolCallId !== undefined && pending.find((a) => a.toolCallId === part.toolCallId)) ||
        pending.find((a) => a.observationStep === null);
      if (!target || target.observationStep !== null) continue;
      target.observationStep = stepIndex;
      target.observationKey = fingerprint(part.text);
      target.isError = isErrorObservation(part);
    }
  });
  return actions.map(({ step, key, observationStep, observationKey, isError }) => ({
    step,
    key,
    observationStep,
    observationKey,
    isError,
  }));
}
