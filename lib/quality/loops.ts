/**
 * Stuck-loop detection, after OpenHands' StuckDetector but run over a finished episode.
 *
 * Every rule needs *consecutive* repeats: an agent that re-runs the same test command with edits
 * in between is doing ordinary edit-test work, and must not be flagged.
 */
import { z } from "zod";
import type { Step } from "@/lib/formats/episode";
import { collectActions, type ActionRecord } from "./actions";
import { canonicalJson, fingerprint } from "./fingerprint";

export const loopKinds = [
  "repeated_action_observation",
  "repeated_action_error",
  "repeated_message",
  "alternating_actions",
  "context_window_errors",
] as const;
export type LoopKind = (typeof loopKinds)[number];

/** Step indexes into `episode.steps`, inclusive. */
export const loopSchema = z.object({
  kind: z.enum(loopKinds),
  startStep: z.number().int(),
  endStep: z.number().int(),
});
export type Loop = z.infer<typeof loopSchema>;

export const IDENTICAL_PAIRS_FOR_LOOP = 4;
export const IDENTICAL_ERRORS_FOR_LOOP = 3;
export const IDENTICAL_MESSAGES_FOR_LOOP = 3;
export const ALTERNATING_ACTIONS_FOR_LOOP = 6;
export const CONTEXT_ERRORS_FOR_LOOP = 2;

/** Context-overflow errors sit at the start of an observation; scanning more only finds code. */
const CONTEXT_ERROR_SCAN_CHARS = 2000;
const contextErrorPattern =
  /context ?window ?exceeded|context[ _]length[ _]exceeded|maximum context length|exceeds? the (?:model's )?context|prompt is too long|input is too long for the context/i;

/** The first maximal run of at least `minLength` items where each neighbour pair is `same`. */
function firstRun<T>(items: T[], same: (a: T, b: T) => boolean, minLength: number): [number, number] | null {
  let start = 0;
  for (let i = 1; i <= items.length; i++) {
    if (i < items.length && same(items[i - 1], items[i])) continue;
    if (i - start >= minLength) return [start, i - 1];
    start = i;
  }
  return null;
}

const pairKey = (a: ActionRecord) => `${a.key}|${a.observationKey ?? ""}`;

/** ABAB…: each pair equals the one two back and differs from the one just before. */
function firstAlternation(actions: ActionRecord[], minLength: number): [number, number] | null {
  const holds = (j: number) =>
    pairKey(actions[j]) === pairKey(actions[j - 2]) && pairKey(actions[j]) !== pairKey(actions[j - 1]);
  let runStart = 2;
  for (let j = 2; j <= actions.length; j++) {
    if (j < actions.length && holds(j)) continue;
    // Positions runStart..j-1 hold, so actions runStart-2..j-1 alternate.
    if (j - (runStart - 2) >= minLength) return [runStart - 2, j - 1];
    runStart = j + 1;
  }
  return null;
}

function spanOf(actions: ActionRecord[], [first, last]: [number, number]): { startStep: number; endStep: number } {
  return { startStep: actions[first].step, endStep: actions[last].observationStep ?? actions[last].step };
}

function messageLoop(steps: Step[]): Loop | null {
  const turns = steps.flatMap((step, index) => {
    if (step.role !== "assistant") return [];
    // Some formats file the agent's thought as reasoning (mini-swe-agent's THOUGHT), so both count.
    const text = step.parts
      .flatMap((p) => (p.type === "message" || p.type === "reasoning" ? [p.text] : []))
      .join("\n")
      .trim();
    // The step's calls are part of the key: the same "Let me check" with different calls is progress.
    const calls = step.parts.flatMap((p) => (p.type === "tool_call" ? [p.name, canonicalJson(p.arguments)] : []));
    return [{ index, key: text === "" ? null : fingerprint(`${text}\u0000${calls.join("\u0000")}`) }];
  });
  const run = firstRun(turns, (a, b) => a.key !== null && a.key === b.key, IDENTICAL_MESSAGES_FOR_LOOP);
  return run && { kind: "repeated_message", startStep: turns[run[0]].index, endStep: turns[run[1]].index };
}

function contextErrorLoop(steps: Step[]): Loop | null {
  const hits: number[] = [];
  steps.forEach((step, index) => {
    const isHit = step.parts.some(
      (p) =>
        (p.type === "observation" && p.exitCode !== 0 && contextErrorPattern.test(p.text.slice(0, CONTEXT_ERROR_SCAN_CHARS))) ||
        (p.type === "message" &&
          step.role === "environment" &&
          contextErrorPattern.test(p.text.slice(0, CONTEXT_ERROR_SCAN_CHARS))),
    );
    if (isHit) hits.push(index);
  });
  if (hits.length < CONTEXT_ERRORS_FOR_LOOP) return null;
  return { kind: "context_window_errors", startStep: hits[0], endStep: hits[hits.length - 1] };
}

/** The earliest stuck loop in the episode (by start step), or null. */
export function detectLoop(steps: Step[], actions: ActionRecord[] = collectActions(steps)): Loop | null {
  const repeatedPairs = firstRun(actions, (a, b) => pairKey(a) === pairKey(b), IDENTICAL_PAIRS_FOR_LOOP);
  const repeatedErrors = firstRun(
    actions,
    (a, b) => a.isError && b.isError && a.key === b.key,
    IDENTICAL_ERRORS_FOR_LOOP,
  );
  const alternation = firstAlternation(actions, ALTERNATING_ACTIONS_FOR_LOOP);
  const found: Loop[] = [];
  if (repeatedPairs) found.push({ kind: "repeated_action_observation", ...spanOf(actions, repeatedPairs) });
  if (repeatedErrors) found.push({ kind: "repeated_action_error", ...spanOf(actions, repeatedErrors) });
  const messages = messageLoop(steps);
  if (messages) found.push(messages);
  if (alternation) found.push({ kind: "alternating_actions", ...spanOf(actions, alternation) });
  const contextErrors = contextErrorLoop(steps);
  if (contextErrors) found.push(contextErrors);
  found.sort((a, b) => a.startStep - b.startStep || loopKinds.indexOf(a.kind) - loopKinds.indexOf(b.kind));
  return found[0] ?? null;
}
