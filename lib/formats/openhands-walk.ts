/**
 * What walking an OpenHands event list collects besides the steps. V0 and V1 events differ in
 * shape but feed the same episode fields (tools, agent state, token usage), so both walkers fill
 * one `EventWalk`.
 */
import type { Step, StepPart, StepRole } from "./episode";
import type { JsonObject } from "./record-fields";

export type EventWalk = {
  steps: Step[];
  /**
   * Events with nothing to show (agent state changes, `null` observations, empty messages), by
   * event type. They become no step, but the counts stay in the episode meta.
   */
  skippedEvents: Record<string, number>;
  /** Distinct LLM responses seen on actions (one response can issue several tool calls). */
  responseIds: Set<string>;
  tokensSent: number | null;
  tokensReceived: number | null;
  /** Last agent / execution state announced by the run (e.g. "finished", "error"). */
  lastAgentState: string | null;
  finished: boolean;
  model: string | null;
  tools: unknown[] | null;
  agentClass: string | null;
  openhandsVersion: string | null;
};

export function newWalk(): EventWalk {
  return {
    steps: [],
    skippedEvents: {},
    responseIds: new Set(),
    tokensSent: null,
    tokensReceived: null,
    lastAgentState: null,
    finished: false,
    model: null,
    tools: null,
    agentClass: null,
    openhandsVersion: null,
  };
}

export function skipEvent(walk: EventWalk, type: string): void {
  walk.skippedEvents[type] = (walk.skippedEvents[type] ?? 0) + 1;
}

export type DraftStep = { role: StepRole; parts: StepPart[]; meta: JsonObject; timestamp?: string };

/** Adds the step, or counts the event as skipped when it produced no part. */
export function pushStep(walk: EventWalk, type: string, draft: DraftStep): void {
  if (draft.parts.length === 0) {
    skipEvent(walk, type);
    return;
  }
  walk.steps.push({
    role: draft.role,
    parts: draft.parts,
    ...(draft.timestamp ? { timestamp: draft.timestamp } : {}),
    ...(Object.keys(draft.meta).length > 0 ? { meta: draft.meta } : {}),
  });
}

/** A text part, or nothing for blank text (agents often send an empty thought). */
export function textPart(type: "message" | "reasoning", text: string | undefined): StepPart[] {
  return text !== undefined && text.trim() !== "" ? [{ type, text }] : [];
}

export function setIfPresent(target: JsonObject, key: string, value: unknown): void {
  if (value !== undefined && value !== null) target[key] = value;
}
