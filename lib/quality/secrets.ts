/**
 * Credentials that leaked into a trajectory (an agent ran `env`, cat'ed a `.env`, pasted a key
 * into a command). Such episodes must be found before they reach a training mixture.
 *
 * Every pattern starts with a literal and uses only simple character-class repeats, so one pass
 * over a megabyte-long line cannot backtrack badly.
 */
import { z } from "zod";
import type { NormalizedEpisode, StepPart } from "@/lib/formats/episode";

export const secretKinds = [
  "anthropic",
  "openai",
  "aws",
  "github",
  "slack",
  "google",
  "huggingface",
  "private_key",
] as const;
export type SecretKind = (typeof secretKinds)[number];

export const secretFindingSchema = z.object({
  kind: z.enum(secretKinds),
  /** Index into `episode.steps`; null for the task text and the final patch. */
  stepIndex: z.number().int().nullable(),
  source: z.enum(["step", "task", "patch"]),
  /** Never the secret itself: its first characters and an ellipsis. */
  preview: z.string(),
});
export type SecretFinding = z.infer<typeof secretFindingSchema>;

export const MAX_SECRET_FINDINGS = 20;
const PREVIEW_CHARS = 4;

/** A secret must not continue a longer identifier (`my_hf_token_name` is not a token). */
const notInWord = "(?<![A-Za-z0-9_-])";

const patterns: Record<SecretKind, string> = {
  // Before "openai": at the same position the first alternative wins, and sk-ant- is Anthropic's.
  anthropic: `${notInWord}sk-ant-[A-Za-z0-9_-]{20,}`,
  openai: `${notInWord}(?:sk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{20,}|sk-[A-Za-z0-9]{32,})`,
  aws: `${notInWord}AKIA[0-9A-Z]{16}(?![0-9A-Za-z])`,
  github: `${notInWord}(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})`,
  slack: `${notInWord}xox[baprs]-[A-Za-z0-9-]{10,}`,
  google: `${notInWord}AIza[0-9A-Za-z_-]{35}`,
  huggingface: `${notInWord}hf_[A-Za-z0-9]{30,}`,
  private_key: "-----BEGIN (?:[A-Z0-9]{1,20} ){0,4}PRIVATE KEY-----",
};

const secretPattern = new RegExp(secretKinds.map((kind) => `(${patterns[kind]})`).join("|"), "g");

/** Documentation keys and redacted values look like secrets but are not. */
const placeholderPattern = /(.)\1{7,}|EXAMPLE|XXXX|your_?|\.\.\./i;

export type SecretMatch = { kind: SecretKind; value: string; index: number };

export function scanSecrets(text: string): SecretMatch[] {
  const matches: SecretMatch[] = [];
  for (const match of text.matchAll(secretPattern)) {
    const group = match.findIndex((value, i) => i > 0 && value !== undefined);
    const value = match[0];
    if (placeholderPattern.test(value.slice(0, 200))) continue;
    matches.push({ kind: secretKinds[group - 1], value, index: match.index });
  }
  return matches;
}

function partTexts(part: StepPart): string[] {
  switch (part.type) {
    case "message":
    case "reasoning":
    case "observation":
      return [part.text];
    case "tool_call":
      return [JSON.stringify(part.arguments)];
    case "file_edit":
      return [part.oldText, part.newText, part.diff, part.before, part.after].filter((t) => t !== undefined);
  }
}

function* episodeTexts(episode: NormalizedEpisode): Generator<{ text: string; stepIndex: number | null; source: SecretFinding["source"] }> {
  if (episode.taskText) yield { text: episode.taskText, stepIndex: null, source: "task" };
  for (const [stepIndex, step] of episode.steps.entries()) {
    for (const part of step.parts) for (const text of partTexts(part)) yield { text, stepIndex, source: "step" };
  }
  if (episode.finalPatch) yield { text: episode.finalPatch, stepIndex: null, source: "patch" };
}

/** Distinct secrets in the episode, first occurrence of each, at most `MAX_SECRET_FINDINGS`. */
export function findSecrets(episode: NormalizedEpisode): SecretFinding[] {
  const seen = new Set<string>();
  const findings: SecretFinding[] = [];
  for (const { text, stepIndex, source } of episodeTexts(episode)) {
    for (const { kind, value } of scanSecrets(text)) {
      if (seen.has(value)) continue;
      seen.add(value);
      findings.push({ kind, stepIndex, source, preview: `${value.slice(0, PREVIEW_CHARS)}…` });
      if (findings.length >= MAX_SECRET_FINDINGS) return findings;
    }
  }
  return findings;
}
