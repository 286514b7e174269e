/**
 * Turns a normalized episode into the rows ingest writes: the narrow `episodes` row, its wide
 * `episode_contents` row and its `steps`. Pure: no I/O, so it is unit-tested on fixtures.
 */
import { createHash } from "node:crypto";
import { gzipSync, constants } from "node:zlib";
import { stepKindOf, type NormalizedEpisode, type Step, type StepPart } from "@/lib/formats/episode";
import type { QualitySignals } from "@/lib/quality";
import { patchFiles } from "@/lib/quality/patch";

export type Provenance = { sourceFile: string; sourceLocation: number; rawText: string };

export type StepRowInput = {
  idx: number;
  role: string;
  kind: string;
  toolName: string | null;
  text: string;
  arguments: string | null;
  exitCode: number | null;
  parts: string;
  meta: string | null;
};

export type EpisodeRows = {
  contentHash: string;
  instanceId: string | null;
  model: string | null;
  episode: {
    kind: string;
    sourceFormat: string;
    formatVersion: string | null;
    instanceId: string | null;
    repo: string | null;
    agent: string | null;
    model: string | null;
    attemptGroup: string | null;
    attemptIndex: number | null;
    isBestAttempt: boolean | null;
    exitStatusRaw: string | null;
    exitStatusClass: string;
    resolved: boolean | null;
    f2pPass: number | null;
    f2pFail: number | null;
    p2pPass: number | null;
    p2pFail: number | null;
    stepCount: number;
    toolCallCount: number;
    tokenCount: number;
    costUsd: number | null;
    apiCalls: number | null;
    patchBytes: number;
    filesTouched: number;
    hasGoldPatch: boolean;
    qualityFlags: string[];
    tools: string[];
    touchedPaths: string;
  };
  content: {
    taskText: string | null;
    baseCommit: string | null;
    finalPatch: string | null;
    goldPatch: string | null;
    testPatch: string | null;
    pullRequest: string | null;
    outcome: string;
    quality: string;
    meta: string;
    sourceFile: string;
    sourceLocation: number;
    rawSha256: string;
    rawGzip: Buffer;
    /** What full-text search indexes (`search_vector`): see `searchText`. */
    searchText: string;
  };
  steps: StepRowInput[];
};

function partText(part: StepPart): string {
  switch (part.type) {
    case "message":
    case "reasoning":
    case "observation":
      return part.text;
    case "tool_call": {
      const { command, code } = part.arguments;
      if (typeof command === "string" && Object.keys(part.arguments).length === 1) return command;
      if (typeof code === "string" && Object.keys(part.arguments).length === 1) return code;
      return `${part.name} ${JSON.stringify(part.arguments)}`;
    }
    case "file_edit":
      return [part.path, part.oldText, part.newText, part.diff].filter((t) => t).join("\n");
  }
}

/** The text a person reads and a search matches for a step: its parts, in order. */
export function stepText(step: Step): string {
  return step.parts.map(partText).filter((t) => t !== "").join("\n\n");
}

function stepRow(step: Step, idx: number): StepRowInput {
  const call = step.parts.find((p) => p.type === "tool_call");
  const observation = step.parts.find((p) => p.type === "observation");
  const toolName = call?.name ?? (observation?.type === "observation" ? observation.toolName : undefined) ?? null;
  const exitCode = observation?.type === "observation" ? (observation.exitCode ?? null) : null;
  return {
    idx,
    role: step.role,
    kind: stepKindOf(step),
    toolName,
    text: cleanText(stepText(step)),
    arguments: call ? jsonText(call.arguments) : null,
    exitCode,
    parts: jsonText(step.parts),
    meta: step.meta || step.timestamp ? jsonText({ ...step.meta, timestamp: step.timestamp }) : null,
  };
}

// PostgreSQL text and jsonb cannot hold NUL or unpaired UTF-16 surrogates, and trajectories of
// binary or truncated output contain both. JSON.stringify escapes exactly those (`\u0000`, and
// `\udXXX` only when unpaired), so an escape not preceded by an escaped backslash is one of them.
const unstorableEscape = /(?<!\\)((?:\\\\)*)\\u(?:0000|d[89a-f][0-9a-f]{2})/g;

/** JSON for a jsonb column: NUL and unpaired surrogates become U+FFFD (lossy, but visibly so). */
export function jsonText(value: unknown): string {
  const text = JSON.stringify(value);
  return /\\u(?:0000|d[89a-f])/.test(text) ? text.replace(unstorableEscape, "$1\\ufffd") : text;
}

/** Text for a text column, with NUL and unpaired surrogates replaced as in `jsonText`. */
export function cleanText<T extends string | null>(text: T): T {
  if (text === null) return text;
  const wellFormed = text.isWellFormed() ? text : text.toWellFormed();
  return (wellFormed.includes("\u0000") ? wellFormed.replaceAll("\u0000", "\uFFFD") : wellFormed) as T;
}

/** Caps that keep one pathological episode from exceeding tsvector's 1 MB or the path index's reach. */
export const SEARCH_TEXT_LIMITS = { task: 100_000, patch: 100_000, steps: 300_000 } as const;
export const MAX_TOUCHED_PATHS = 1_000;

/**
 * The full-text document: task text, final patch, then the steps' text in order, each cut to its
 * limit. The backfill in migration 20261125000000_browse builds the same document in SQL.
 */
export function searchText(taskText: string | null, finalPatch: string | null, steps: readonly Pick<StepRowInput, "text">[]): string {
  let stepsText = "";
  for (const step of steps) {
    if (stepsText.length >= SEARCH_TEXT_LIMITS.steps) break;
    stepsText += (stepsText ? " " : "") + step.text;
  }
  return [
    (taskText ?? "").slice(0, SEARCH_TEXT_LIMITS.task),
    (finalPatch ?? "").slice(0, SEARCH_TEXT_LIMITS.patch),
    stepsText.slice(0, SEARCH_TEXT_LIMITS.steps),
  ].join(" ");
}

/** Paths the final patch or any edit step touched, first-seen order, one per line. */
export function touchedPaths(episode: NormalizedEpisode): string {
  const paths = new Set(episode.finalPatch ? patchFiles(episode.finalPatch).paths : []);
  for (const step of episode.steps) for (const part of step.parts) if (part.type === "file_edit" && part.path) paths.add(part.path);
  return [...paths]
    .filter((p) => !p.includes("\n"))
    .slice(0, MAX_TOUCHED_PATHS)
    .join("\n");
}

export function sha256(text: string | Buffer): string {
  return createHash("sha256").update(text).digest("hex");
}

/**
 * Same normalized content = same episode, whatever the file's whitespace or name. Steps are
 * hashed from the JSON already made for their rows rather than serializing the episode again.
 */
function contentHash(episode: NormalizedEpisode, steps: readonly StepRowInput[]): string {
  const hash = createHash("sha256").update(JSON.stringify({ ...episode, steps: steps.length }));
  for (const step of steps) hash.update(`\n${step.role}\n${step.parts}\n${step.meta ?? ""}`);
  return hash.digest("hex");
}

export function toRows(episode: NormalizedEpisode, provenance: Provenance, quality: QualitySignals): EpisodeRows {
  const { outcome } = episode;
  const steps = episode.steps.map(stepRow);
  const raw = Buffer.from(provenance.rawText);
  return {
    contentHash: contentHash(episode, steps),
    instanceId: episode.instanceId,
    model: episode.model,
    episode: {
      kind: episode.kind,
      sourceFormat: episode.sourceFormat,
      formatVersion: episode.formatVersion,
      instanceId: episode.instanceId,
      repo: episode.repo,
      agent: episode.agent,
      model: episode.model,
      attemptGroup: episode.attempt?.groupKey ?? null,
      attemptIndex: episode.attempt?.index ?? null,
      isBestAttempt: episode.attempt?.isBest ?? null,
      exitStatusRaw: outcome.exitStatusRaw,
      exitStatusClass: quality.exitStatusClass,
      resolved: outcome.resolved,
      f2pPass: outcome.failToPass?.success.length ?? null,
      f2pFail: outcome.failToPass?.failure.length ?? null,
      p2pPass: outcome.passToPass?.success.length ?? null,
      p2pFail: outcome.passToPass?.failure.length ?? null,
      stepCount: steps.length,
      toolCallCount: quality.counts.toolCalls,
      tokenCount: quality.tokens.total,
      costUsd: episode.sourceMetrics.costUsd,
      apiCalls: episode.sourceMetrics.apiCalls,
      patchBytes: quality.patch.bytes,
      filesTouched: quality.patch.filesTouched,
      // Same rule as the has_gold_patch backfill migration.
      hasGoldPatch: /\S/.test(episode.goldPatch ?? ""),
      qualityFlags: quality.flags,
      tools: [...new Set(steps.flatMap((s) => (s.toolName ? [s.toolName] : [])))].sort(),
      touchedPaths: cleanText(touchedPaths(episode)),
    },
    content: {
      taskText: cleanText(episode.taskText),
      baseCommit: episode.baseCommit,
      finalPatch: cleanText(episode.finalPatch),
      goldPatch: cleanText(episode.goldPatch),
      testPatch: cleanText(episode.testPatch),
      pullRequest: episode.pullRequest ? jsonText(episode.pullRequest) : null,
      outcome: jsonText(outcome),
      quality: jsonText(quality),
      meta: jsonText({ ...episode.meta, sourceMetrics: episode.sourceMetrics }),
      sourceFile: provenance.sourceFile,
      sourceLocation: provenance.sourceLocation,
      rawSha256: sha256(raw),
      // Level 1: the raw record is kept for re-parsing, not for reading; speed beats ratio here.
      rawGzip: gzipSync(raw, { level: constants.Z_BEST_SPEED }),
      searchText: cleanText(searchText(episode.taskText, episode.finalPatch, steps)),
    },
    steps,
  };
}
