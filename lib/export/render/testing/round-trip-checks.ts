/**
 * The round-trip expectations shared by the render test (records rendered in memory) and the
 * pipeline test (records read back from the exported files): every real fixture imported in one
 * batch, approved and loaded, and the field-by-field check that a chat record carries every tool
 * call (name, id, each argument), observation, reasoning and message text of the source — as the
 * format's own parser reads the file, independently of the database — in order.
 *
 * Storage replaces NUL and unpaired surrogates with U+FFFD (lib/ingest/to-rows.ts `jsonText`), so
 * the source is compared after that same replacement; nothing else may differ.
 */
import fs from "node:fs";
import { expect } from "vitest";
import { pool } from "@/lib/db";
import { editFromToolCall } from "@/lib/formats/edits";
import type { NormalizedEpisode, StepPart } from "@/lib/formats/episode";
import { importFiles } from "@/lib/ingest/import-files";
import { jsonText, toRows } from "@/lib/ingest/to-rows";
import { computeQuality } from "@/lib/quality";
import { fixturePath, fixturesDir } from "@/lib/testing/fixtures";
import { parseFixture } from "@/lib/testing/parse-fixture";
import type { ExportEpisode } from "../../types";
import { chatMessages, type MessageItem } from "../chat-messages";
import { loadExportEpisodes } from "../load-episodes";
import type { ChatMessage, ToolDefinition } from "../record";

export type FixtureCase = { file: string; index: number; source: NormalizedEpisode; episode: ExportEpisode };

/** Episodes per fixture file (by its two-digit prefix) that the fixtures hold. */
export const fixtureEpisodeCounts = { "01": 1, "03": 1, "05": 1, "07": 1, "09": 1, "10": 3, "11": 1, "12": 5 };

const stored = <T>(value: T): T => JSON.parse(jsonText(value)) as T;
const texts = (parts: StepPart[], type: "message" | "reasoning") => parts.flatMap((p) => (p.type === type ? [p.text] : []));

/** Imports every fixture file, approves every episode in them and loads them as the export does. */
export async function importFixtureCases(): Promise<FixtureCase[]> {
  const files = fs.readdirSync(fixturesDir).filter((name) => /^\d\d_/.test(name)).sort();
  const summary = await importFiles(files.map((name) => ({ path: fixturePath(name), name })), { source: "cli" });
  expect(summary.status).toBe("committed");
  expect(summary.invalid).toBe(0);
  const parsed: Omit<FixtureCase, "episode">[] = [];
  for (const file of files) (await parseFixture(file)).episodes.forEach((source, index) => parsed.push({ file, index, source }));
  // Found by content hash: another test file may have imported the same fixtures first.
  const hashes = parsed.map(({ source }) => toRows(source, { sourceFile: "", sourceLocation: 0, rawText: "" }, computeQuality(source)).contentHash);
  const found = await pool.query<{ id: number; hash: string }>(`SELECT id, content_hash AS hash FROM episodes WHERE content_hash = ANY($1)`, [hashes]);
  const idOf = new Map(found.rows.map((r) => [r.hash, r.id]));
  const ids = hashes.map((hash) => idOf.get(hash)!);
  // Approval by id: the bulk action takes a filter, and there is no filter for a list of ids.
  await pool.query(`UPDATE episodes SET review_status = 'approved', reviewed_at = now() WHERE id = ANY($1::int[])`, [ids]);
  const loaded = await loadExportEpisodes(ids, { useProposedMasks: false });
  return parsed.map((c, i) => ({ ...c, episode: loaded.get(ids[i])! }));
}

/**
 * `record` (rendered, or read back from an export) is the case's episode as chat messages, and
 * carries its source field by field, step by step, in order.
 */
export function expectChatRecordCarriesSource(c: FixtureCase, record: { messages: ChatMessage[]; tools: ToolDefinition[] }): void {
  const where = `${c.file}#${c.index}`;
  const { items, droppedSteps, droppedToolResults } = chatMessages(c.episode);
  expect(record.messages, where).toEqual(items.map((item) => item.message));
  expect([droppedSteps, droppedToolResults], where).toEqual([0, 0]);
  expect(items.map((item) => item.step), where).toEqual([...items.map((item) => item.step)].sort((a, b) => a - b));
  const names = new Set(record.tools.map((t) => t.function.name));
  let assistant: ChatMessage | null = null;
  c.source.steps.forEach((sourceStep, idx) => {
    const step = `${where} step ${idx}`;
    const parts = stored(sourceStep.parts);
    const mine = items.filter((item) => item.step === idx);
    const isAssistant = sourceStep.role === "assistant" || parts.some((p) => p.type === "tool_call");
    if (isAssistant) {
      assistant = checkAssistant(step, parts, mine[0], names);
      checkObservations(step, parts, mine.slice(1), assistant, false);
    } else {
      const prose = [...texts(parts, "message"), ...texts(parts, "reasoning")];
      const rest = prose.length > 0 ? mine.slice(1) : mine;
      if (prose.length > 0) {
        expect(mine[0].message.role, step).toBe(sourceStep.role === "system" ? "system" : "user");
        expect(mine[0].message.content, step).toBe(prose.join("\n\n"));
      }
      checkObservations(step, parts, rest, assistant, true);
      if (mine.some((item) => item.message.role !== "tool")) assistant = null;
    }
  });
}

function checkAssistant(step: string, parts: StepPart[], item: MessageItem | undefined, toolNames: Set<string>): ChatMessage {
  expect(item?.message.role, step).toBe("assistant");
  const message = item!.message;
  const reasoning = texts(parts, "reasoning");
  expect(message.reasoning_content, step).toBe(reasoning.length > 0 ? reasoning.join("\n\n") : undefined);
  expect(message.content, step).toBe(texts(parts, "message").join("\n\n"));
  const calls = parts.filter((p) => p.type === "tool_call");
  const edits = parts.filter((p) => p.type === "file_edit");
  const sent = message.tool_calls ?? [];
  if (calls.length > 0) {
    expect(sent.map((s) => s.function.name), step).toEqual(calls.map((call) => call.name));
    calls.forEach((call, n) => {
      if (call.id) expect(sent[n].id, step).toBe(call.id);
      const raw = call.arguments.raw;
      if (call.parseError !== undefined) expect(sent[n].function.arguments, step).toBe(typeof raw === "string" ? raw : JSON.stringify(raw));
      else expect(JSON.parse(sent[n].function.arguments), `${step} call ${n}`).toEqual(call.arguments);
      expect(toolNames.has(call.name), step).toBe(true);
    });
    // Each edit is the one a call of the step made.
    for (const edit of edits) expect(calls.some((call) => call.arguments.path === edit.path), `${step} edit ${edit.path}`).toBe(true);
  } else {
    expect(sent.map((s) => s.function.name), step).toEqual(edits.map(() => "str_replace_editor"));
    edits.forEach((edit, n) => {
      const args = JSON.parse(sent[n].function.arguments);
      const back = editFromToolCall("str_replace_editor", args);
      if (back) expect(back, step).toEqual(edit);
      expect(args.path, step).toBe(edit.path);
    });
  }
  return message;
}

function checkObservations(step: string, parts: StepPart[], items: MessageItem[], assistant: ChatMessage | null, isToolSide: boolean): void {
  const observations = parts.filter((p) => p.type === "observation");
  expect(items.length, step).toBe(observations.length);
  observations.forEach((observation, n) => {
    const { message } = items[n];
    expect(message.content, step).toBe(observation.text);
    if (message.role === "user") return;
    expect(message.role, step).toBe("tool");
    const call = assistant?.tool_calls?.find((c) => c.id === message.tool_call_id);
    expect(call, `${step}: the call a tool message answers is in the assistant turn before it`).toBeDefined();
    expect(message.name, step).toBe(call!.function.name);
    if (observation.toolCallId) expect(message.tool_call_id, step).toBe(observation.toolCallId);
    if (observation.toolName) expect(message.name, step).toBe(observation.toolName);
  });
  // An edit recorded with the result is the call's own: the call names the same file.
  if (!isToolSide) return;
  for (const edit of parts.filter((p) => p.type === "file_edit")) {
    const answered = items.find((item) => item.message.role === "tool");
    const call = assistant?.tool_calls?.find((c) => c.id === answered?.message.tool_call_id);
    expect(call && JSON.parse(call.function.arguments).path, `${step} edit ${edit.path}`).toBe(edit.path);
  }
}
