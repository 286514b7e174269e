/**
 * Models that appear in the sample runs, with what differs between them in real files:
 * the tool-call id style of their API, their price (drives `instance_cost`), how chatty their
 * thoughts are and how often they get the fix right.
 */
import type { Rng } from "./random";

export type ModelProfile = {
  /** As written in the agent config. */
  name: string;
  /** Tool-call id as the provider's API returns it. */
  toolCallId(rng: Rng): string;
  /** USD per million tokens. */
  inputPrice: number;
  outputPrice: number;
  /** 0..1: how long and structured its thoughts are. */
  verbosity: number;
  /** 0..1: chance of a clean fix and a tidy episode. */
  skill: number;
};

const anthropicId = (rng: Rng) => `toolu_01${rng.alnum(22)}`;
const openaiId = (rng: Rng) => `call_${rng.alnum(24)}`;
const vllmId = (rng: Rng) => `chatcmpl-tool-${rng.hex(32)}`;

/** SWE-agent 1.x runs (LiteLLM model names). */
export const sweAgentModels: readonly ModelProfile[] = [
  { name: "claude-3-7-sonnet-20250219", toolCallId: anthropicId, inputPrice: 3, outputPrice: 15, verbosity: 0.9, skill: 0.8 },
  { name: "claude-sonnet-4-20250514", toolCallId: anthropicId, inputPrice: 3, outputPrice: 15, verbosity: 0.8, skill: 0.85 },
  { name: "gpt-4o-2024-08-06", toolCallId: openaiId, inputPrice: 2.5, outputPrice: 10, verbosity: 0.4, skill: 0.6 },
  { name: "gpt-4.1-2025-04-14", toolCallId: openaiId, inputPrice: 2, outputPrice: 8, verbosity: 0.5, skill: 0.7 },
  { name: "openai/qwen2.5-coder-32b-instruct", toolCallId: vllmId, inputPrice: 0.2, outputPrice: 0.6, verbosity: 0.3, skill: 0.4 },
  { name: "openrouter/meta-llama/llama-4-maverick", toolCallId: vllmId, inputPrice: 0.17, outputPrice: 0.6, verbosity: 0.35, skill: 0.45 },
];

/** mini-swe-agent runs (provider/model names). */
export const miniSweAgentModels: readonly ModelProfile[] = [
  { name: "anthropic/claude-sonnet-4-20250514", toolCallId: anthropicId, inputPrice: 3, outputPrice: 15, verbosity: 0.7, skill: 0.85 },
  { name: "openai/gpt-5-mini", toolCallId: openaiId, inputPrice: 0.25, outputPrice: 2, verbosity: 0.5, skill: 0.7 },
  { name: "google/gemini-2.5-pro", toolCallId: openaiId, inputPrice: 1.25, outputPrice: 10, verbosity: 0.6, skill: 0.75 },
  { name: "openrouter/qwen/qwen3-coder", toolCallId: vllmId, inputPrice: 0.3, outputPrice: 1.2, verbosity: 0.4, skill: 0.55 },
];

export function findModel(name: string): ModelProfile | undefined {
  return [...sweAgentModels, ...miniSweAgentModels].find((m) => m.name === name);
}
