/**
 * Quality signals computed once per episode at import and stored as filterable fields.
 * Pure: the same episode (and tokenizer) always gives the same signals.
 */
import type { NormalizedEpisode, Outcome, Step } from "@/lib/formats/episode";
import { isErrorObservation } from "./actions";
import { describeExitStatus, type ExitStatus } from "./exit-status";
import { detectLoop } from "./loops";
import { analyzePatch } from "./patch";
import { findSecrets } from "./secrets";
import { qualityFlags, type QualityFlag, type QualitySignals } from "./signals";
import { countEpisodeTokens, defaultTokenCounter, type TokenCounter } from "./tokens";

export { classifyExitStatus, describeExitStatus } from "./exit-status";
export { detectLoop, loopKinds, type Loop, type LoopKind } from "./loops";
export { analyzePatch, HUGE_PATCH_BYTES, HUGE_PATCH_FILES, type PatchSignals } from "./patch";
export { findSecrets, secretKinds, type SecretFinding, type SecretKind } from "./secrets";
export {
  qualityFlags,
  qualitySignalsSchema,
  tokenTotalsSchema,
  type QualityFlag,
  type QualitySignals,
  type TokenTotals,
} from "./signals";
export { countEpisodeTokens, defaultTokenCounter, loadTokenizerJson, type TokenCounter } from "./tokens";

/**
 * The raw exit status decides; OpenHands has none and reports limits in `error`; the parser's
 * own class is the last resort.
 */
function exitStatusOf(outcome: Outcome): ExitStatus {
  const fromRaw = describeExitStatus(outcome.exitStatusRaw);
  if (fromRaw.exitStatusClass !== "unknown") return fromRaw;
  const fromError = describeExitStatus(outcome.error);
  if (fromError.exitStatusClass !== "unknown") return fromError;
  const cls = outcome.exitStatusClass;
  return { exitStatusClass: cls, hitLimit: cls === "limit" || cls === "context_overflow" || cls === "timeout" };
}

function countParts(steps: Step[]): QualitySignals["counts"] & { toolCallParseErrors: number } {
  const counts = { steps: steps.length, toolCalls: 0, observations: 0, edits: 0, errors: 0, toolCallParseErrors: 0 };
  for (const step of steps) {
    for (const part of step.parts) {
      if (part.type === "tool_call") {
        counts.toolCalls++;
        if (part.parseError !== undefined) counts.toolCallParseErrors++;
      } else if (part.type === "observation") {
        counts.observations++;
        if (isErrorObservation(part)) counts.errors++;
      } else if (part.type === "file_edit") counts.edits++;
    }
  }
  return counts;
}

export function computeQuality(episode: NormalizedEpisode, options: { tokenizer?: TokenCounter } = {}): QualitySignals {
  const tokenizer = options.tokenizer ?? defaultTokenCounter;
  const { exitStatusClass, hitLimit } = exitStatusOf(episode.outcome);
  const loop = detectLoop(episode.steps);
  const patch = analyzePatch(episode.finalPatch);
  const secrets = findSecrets(episode);
  const { toolCallParseErrors, ...counts } = countParts(episode.steps);
  const holds: Record<QualityFlag, boolean> = {
    stuck_loop: loop !== null,
    // Only benchmark instances are expected to end in a patch; a free-form session is not.
    empty_patch: patch.isEmpty && episode.kind === "environmental" && episode.instanceId !== null,
    huge_patch: patch.isHuge,
    junk_in_patch: patch.junkPaths.length > 0 || patch.hasBinary,
    edits_tests: patch.testFilesEdited.length > 0,
    tool_parse_error: toolCallParseErrors > 0,
    secret: secrets.length > 0,
    hit_limit: hitLimit,
    regression: (episode.outcome.passToPass?.failure.length ?? 0) > 0,
  };
  return {
    exitStatusClass,
    hitLimit,
    loop,
    toolCallParseErrors,
    patch,
    secrets,
    tokens: countEpisodeTokens(episode, tokenizer),
    tokenizer: tokenizer.name,
    counts,
    flags: qualityFlags.filter((flag) => holds[flag]).sort(),
  };
}
