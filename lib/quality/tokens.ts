/**
 * Token counts of what a training example built from the episode would contain: the steps.
 * (The task is not added separately; most formats already carry it in the first user step.)
 *
 * The default counter is o200k_base (GPT-4o / GPT-5 family), exact but memoized so that a 1 GB
 * import is not dominated by tokenization (see `o200k-count.ts`). It is shared process-wide on
 * purpose: episodes of one run repeat the same prompts and files, so the memo pays off across them.
 */
import type { NormalizedEpisode, Step, StepPart } from "@/lib/formats/episode";
import { canonicalJson } from "./fingerprint";
import { createO200kCounter } from "./o200k-count";
import type { TokenTotals } from "./signals";

export { loadTokenizerJson } from "./hf-tokenizer";

export type TokenCounter = { name: string; count(text: string): number };

let sharedO200k: ((text: string) => number) | undefined;

/** Created on first use: its memo tables take ~15 MB, which importers of the types should not pay. */
export const defaultTokenCounter: TokenCounter = {
  name: "o200k_base",
  count: (text) => (sharedO200k ??= createO200kCounter())(text),
};

function partTexts(part: StepPart, hasCall: boolean): string[] {
  switch (part.type) {
    case "message":
    case "reasoning":
    case "observation":
      return [part.text];
    case "tool_call":
      return [part.name, canonicalJson(part.arguments)];
    case "file_edit":
      // An edit derived from a call in the same step is the call's arguments again.
      return hasCall ? [] : [part.path, part.oldText ?? "", part.newText ?? "", part.newPath ?? ""];
  }
}

/** The texts a step's count adds up (the export reuses stored counts by this definition). */
export function stepTokenTexts(step: Pick<Step, "parts">): string[] {
  const hasCall = step.parts.some((p) => p.type === "tool_call");
  return step.parts.flatMap((part) => partTexts(part, hasCall));
}

export function countStepTokens(step: Pick<Step, "parts">, counter: TokenCounter): number {
  let n = 0;
  for (const text of stepTokenTexts(step)) if (text) n += counter.count(text);
  return n;
}

export function countEpisodeTokens(episode: NormalizedEpisode, counter: TokenCounter = defaultTokenCounter): TokenTotals {
  let assistant = 0;
  let other = 0;
  for (const step of episode.steps) {
    const n = countStepTokens(step, counter);
    if (step.role === "assistant") assistant += n;
    else other += n;
  }
  return { total: assistant + other, assistant, other };
}
