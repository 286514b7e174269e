/**
 * The training records the render stage writes. Every object is built in a fixed key order and
 * nothing in it depends on time or on iteration over unordered data, so rendering the same
 * episode with the same recipe gives byte-identical JSON.
 *
 * Chat records (OpenAI style):
 *   { id, messages: [{ role, content, reasoning_content?, tool_calls?, tool_call_id?, name?, weight }], tools, meta }
 * Text records:
 *   { id, text, train_spans: [[startChar, endChar), …], meta }
 * Only assistant messages (or assistant-side text) can carry weight 1 / a train span: system,
 * user and tool messages are always weight 0, whatever their step's mask.
 */
import type { ExportEpisode, Split } from "../types";

export type ChatToolCall = { id: string; type: "function"; function: { name: string; arguments: string } };

export type ChatMessage = {
  role: "system" | "user" | "assistant" | "tool";
  content: string;
  /** Assistant only, when the step had reasoning (all of it, parts joined by a blank line). */
  reasoning_content?: string;
  /** Assistant only, when the step made calls. `arguments` is a JSON string (keys sorted). */
  tool_calls?: ChatToolCall[];
  /** Tool only: the call this result answers, and that call's function name. */
  tool_call_id?: string;
  name?: string;
  /** 1: trained on (assistant, mask train); 0: context only. */
  weight: 0 | 1;
};

export type ToolDefinition = {
  type: "function";
  function: { name: string; parameters: { type: "object"; properties: Record<string, { type: string | string[] }>; required: string[] } };
};

export const textTemplates = ["pr-linear", "xml-rollout"] as const;
export type TextTemplate = (typeof textTemplates)[number];

export type RecordMeta = {
  episode_id: number;
  source_format: string;
  kind: string;
  repo: string | null;
  instance_id: string | null;
  agent: string | null;
  model: string | null;
  resolved: boolean | null;
  exit_status_class: string;
  component: string;
  split: Split;
  copy: number;
  style: "chat" | "text";
  template: TextTemplate | null;
  tokenizer: string;
  /** The record's tokens with the recipe tokenizer (chat: content + reasoning + call names and arguments; text: the text). */
  tokens: number;
  /** The first step left out by truncation, or null when the record is whole. */
  truncated_at_step: number | null;
  /** Steps masked "drop". */
  dropped_steps: number;
  /** Tool results left out because the call they answer was dropped. */
  dropped_tool_results: number;
};

export type ChatRecord = { id: string; messages: ChatMessage[]; tools: ToolDefinition[]; meta: RecordMeta };
export type TextRecord = { id: string; text: string; train_spans: [number, number][]; meta: RecordMeta };
export type ExportRecord = ChatRecord | TextRecord;

export function isChatRecord(record: ExportRecord): record is ChatRecord {
  return "messages" in record;
}

/** What the caller knows about the entry: its id, the component (by name), split, copy. */
export type EntryInfo = { id: string; component: string; split: Split; copy: number };

export type RenderStats = {
  style: RecordMeta["style"];
  template: TextTemplate | null;
  tokenizer: string;
  tokens: number;
  truncatedAtStep: number | null;
  droppedSteps: number;
  droppedToolResults: number;
};

export function recordMeta(episode: ExportEpisode, entry: EntryInfo, stats: RenderStats): RecordMeta {
  return {
    episode_id: episode.id,
    source_format: episode.sourceFormat,
    kind: episode.kind,
    repo: episode.repo,
    instance_id: episode.instanceId,
    agent: episode.agent,
    model: episode.model,
    resolved: episode.resolved,
    exit_status_class: episode.exitStatusClass,
    component: entry.component,
    split: entry.split,
    copy: entry.copy,
    style: stats.style,
    template: stats.template,
    tokenizer: stats.tokenizer,
    tokens: stats.tokens,
    truncated_at_step: stats.truncatedAtStep,
    dropped_steps: stats.droppedSteps,
    dropped_tool_results: stats.droppedToolResults,
  };
}
