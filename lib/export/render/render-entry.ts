/**
 * The render stage's one entry point: a plan entry's episode as a training record, in the
 * recipe's style (chat or text), fitted to its component's maxTokens. The orchestrator loads
 * episodes in batches (load-episodes.ts) and calls this once per plan entry, copies included.
 */
import type { TokenCounter } from "@/lib/quality";
import type { Recipe } from "../recipe/schema";
import type { ExportEpisode, Split } from "../types";
import { renderChat } from "./chat";
import type { EntryInfo, ExportRecord } from "./record";
import { renderText } from "./text";

export type RenderEntryOptions = {
  recipe: Recipe;
  /** From exportTokenizer(recipe.tokenizer), made once per export. */
  tokenizer: TokenCounter;
  /** Index into recipe.components (PlanEntry.component). */
  component: number;
  split: Split;
  copy: number;
};

export type RenderedEntry = { record: ExportRecord; tokens: number; truncatedAtStep: number | null } | { dropped: "over_max_tokens" };

/** `<episode id>-<component index>-<copy>`: unique within a plan, stable across reruns. */
export function recordId(episodeId: number, component: number, copy: number): string {
  return `${episodeId}-${component}-${copy}`;
}

export function renderEntry(episode: ExportEpisode, options: RenderEntryOptions): RenderedEntry {
  const { recipe, tokenizer, component, split, copy } = options;
  const spec = recipe.components[component];
  if (!spec) throw new RangeError(`The recipe has no component ${component}.`);
  const entry: EntryInfo = { id: recordId(episode.id, component, copy), component: spec.name, split, copy };
  const budget = { maxTokens: spec.maxTokens, overLimit: spec.overLimit };
  return recipe.format.style === "chat"
    ? renderChat(episode, entry, { tokenizer, budget })
    : renderText(episode, entry, { tokenizer, budget, template: recipe.format.template });
}
