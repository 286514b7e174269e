/**
 * The one normalized episode every source format is turned into.
 *
 * Parsers in this folder produce `NormalizedEpisode`s; ingest stores them; the viewer, search,
 * review and export read them back. Step parts are stored as JSONB and re-validated with
 * `stepPartSchema` when read, so this file is the contract between every stage.
 */
import { z } from "zod";

export const episodeKinds = ["environmental", "contextual"] as const;
export type EpisodeKind = (typeof episodeKinds)[number];

export const stepRoles = ["system", "user", "assistant", "tool", "environment"] as const;
export type StepRole = (typeof stepRoles)[number];

/** The primary kind of a step, derived from its parts (see `stepKindOf`). */
export const stepKinds = [
  "message",
  "reasoning",
  "tool_call",
  "observation",
  "file_edit",
  "test_run",
] as const;
export type StepKind = (typeof stepKinds)[number];

export const editOperations = ["create", "str_replace", "insert", "delete", "rename", "write", "patch"] as const;
export type EditOperation = (typeof editOperations)[number];

export const exitStatusClasses = [
  "submitted",
  "limit",
  "context_overflow",
  "format_error",
  "timeout",
  "environment_error",
  "other",
  "unknown",
] as const;
export type ExitStatusClass = (typeof exitStatusClasses)[number];

export const messagePartSchema = z.object({ type: z.literal("message"), text: z.string() });
export const reasoningPartSchema = z.object({ type: z.literal("reasoning"), text: z.string() });
export const toolCallPartSchema = z.object({
  type: z.literal("tool_call"),
  id: z.string().optional(),
  name: z.string(),
  /** Parsed arguments; when the source's argument string is not valid JSON, `{ raw }` and `parseError`. */
  arguments: z.record(z.string(), z.unknown()),
  parseError: z.string().optional(),
});
export const observationPartSchema = z.object({
  type: z.literal("observation"),
  text: z.string(),
  exitCode: z.number().int().nullable().optional(),
  toolCallId: z.string().optional(),
  toolName: z.string().optional(),
  isError: z.boolean().optional(),
});
export const fileEditPartSchema = z.object({
  type: z.literal("file_edit"),
  path: z.string(),
  operation: z.enum(editOperations),
  oldText: z.string().optional(),
  newText: z.string().optional(),
  /** 1-based line after which `newText` is inserted (operation "insert"). */
  insertLine: z.number().int().optional(),
  newPath: z.string().optional(),
  /** A unified diff when the source gives one (e.g. OpenHands edit observations). */
  diff: z.string().optional(),
  /** Whole file content before / after when the source records them. */
  before: z.string().optional(),
  after: z.string().optional(),
});
export const stepPartSchema = z.discriminatedUnion("type", [
  messagePartSchema,
  reasoningPartSchema,
  toolCallPartSchema,
  observationPartSchema,
  fileEditPartSchema,
]);
export type StepPart = z.infer<typeof stepPartSchema>;
export type ToolCallPart = z.infer<typeof toolCallPartSchema>;
export type ObservationPart = z.infer<typeof observationPartSchema>;
export type FileEditPart = z.infer<typeof fileEditPartSchema>;

export const stepSchema = z.object({
  role: z.enum(stepRoles),
  parts: z.array(stepPartSchema),
  /** ISO timestamp when the source records one. */
  timestamp: z.string().optional(),
  /** Source-specific extras worth keeping per step (e.g. mask, cost, execution_time). */
  meta: z.record(z.string(), z.unknown()).optional(),
});
export type Step = z.infer<typeof stepSchema>;

export const testListSchema = z.object({ success: z.array(z.string()), failure: z.array(z.string()) });
export type TestList = z.infer<typeof testListSchema>;

export const outcomeSchema = z.object({
  exitStatusRaw: z.string().nullable(),
  exitStatusClass: z.enum(exitStatusClasses),
  resolved: z.boolean().nullable(),
  failToPass: testListSchema.nullable(),
  passToPass: testListSchema.nullable(),
  error: z.string().nullable(),
});
export type Outcome = z.infer<typeof outcomeSchema>;

export const sourceMetricsSchema = z.object({
  apiCalls: z.number().nullable(),
  costUsd: z.number().nullable(),
  tokensSent: z.number().nullable(),
  tokensReceived: z.number().nullable(),
});
export type SourceMetrics = z.infer<typeof sourceMetricsSchema>;

/** Pull-request-derived (contextually-native) payload. */
export const pullRequestSchema = z.object({
  number: z.number().int().nullable(),
  title: z.string(),
  body: z.string(),
  url: z.string().nullable(),
  issue: z.object({ number: z.number().int().nullable(), title: z.string(), body: z.string() }).nullable(),
  license: z.string().nullable(),
  files: z.array(z.object({ path: z.string(), content: z.string(), language: z.string().nullable() })),
  commits: z.array(z.object({ sha: z.string(), message: z.string(), diff: z.string() })),
  summary: z.string().nullable(),
});
export type PullRequest = z.infer<typeof pullRequestSchema>;

export const normalizedEpisodeSchema = z.object({
  kind: z.enum(episodeKinds),
  sourceFormat: z.string(),
  formatVersion: z.string().nullable(),
  instanceId: z.string().nullable(),
  repo: z.string().nullable(),
  baseCommit: z.string().nullable(),
  taskText: z.string().nullable(),
  agent: z.string().nullable(),
  model: z.string().nullable(),
  /** Retry runs: attempts of one run share `groupKey`; the best one is marked. */
  attempt: z.object({ groupKey: z.string(), index: z.number().int(), isBest: z.boolean() }).nullable(),
  outcome: outcomeSchema,
  sourceMetrics: sourceMetricsSchema,
  finalPatch: z.string().nullable(),
  goldPatch: z.string().nullable(),
  testPatch: z.string().nullable(),
  pullRequest: pullRequestSchema.nullable(),
  steps: z.array(stepSchema),
  /** Metadata worth filtering or showing that has no column (agent config, run id …). */
  meta: z.record(z.string(), z.unknown()),
});
export type NormalizedEpisode = z.infer<typeof normalizedEpisodeSchema>;

/** The primary kind of a step: an edit beats a call, a call beats reasoning, and so on. */
export function stepKindOf(step: Step): StepKind {
  const types = new Set(step.parts.map((p) => p.type));
  if (types.has("file_edit")) return "file_edit";
  if (types.has("tool_call")) return "tool_call";
  if (types.has("observation")) return "observation";
  if (types.has("reasoning") && !types.has("message")) return "reasoning";
  return "message";
}

/** A blank outcome for parsers to fill in. */
export function emptyOutcome(): Outcome {
  return {
    exitStatusRaw: null,
    exitStatusClass: "unknown",
    resolved: null,
    failToPass: null,
    passToPass: null,
    error: null,
  };
}

export function emptySourceMetrics(): SourceMetrics {
  return { apiCalls: null, costUsd: null, tokensSent: null, tokensReceived: null };
}
