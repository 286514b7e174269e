/**
 * The export carries the source: every real fixture is imported in one batch, approved, loaded
 * with loadExportEpisodes and rendered to chat records, and every tool call (name, id, each
 * argument), observation, reasoning and message text of the source — as the format's own parser
 * reads the file, independently of the database — is in the exported messages, in order.
 *
 * Storage replaces NUL and unpaired surrogates with U+FFFD (lib/ingest/to-rows.ts `jsonText`), so
 * the source is compared after that same replacement; nothing else may differ.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnect, pool } from "@/lib/db";
import { editFromToolCall } from "@/lib/formats/edits";
import type { NormalizedEpisode, StepPart } from "@/lib/formats/episode";
import { parseXmlFunctionCalls } from "@/lib/formats/xml-calls";
import { importFiles } from "@/lib/ingest/import-files";
import { jsonText, toRows } from "@/lib/ingest/to-rows";
import type { PrEdit } from "@/lib/formats/pr-sample";
import { generatePrSample } from "@/lib/sample/pr-sample";
import { createRng } from "@/lib/sample/random";
import { computeQuality, defaultTokenCounter } from "@/lib/quality";
import { fixturePath, fixturesDir, hasFixtures } from "@/lib/testing/fixtures";
import { parseFixture } from "@/lib/testing/parse-fixture";
import type { ExportEpisode } from "../types";
import { renderChat } from "./chat";
import { chatMessages, type MessageItem } from "./chat-messages";
import { loadExportEpisodes } from "./load-episodes";
import type { ChatMessage } from "./record";
import { renderText } from "./text";
import { xmlRollout } from "./xml-rollout";

afterAll(() => disconnect());

type Case = { file: string; index: number; source: NormalizedEpisode; episode: ExportEpisode };

const stored = <T>(value: T): T => JSON.parse(jsonText(value)) as T;
const texts = (parts: StepPart[], type: "message" | "reasoning") => parts.flatMap((p) => (p.type === type ? [p.text] : []));

describe.skipIf(!hasFixtures)("round trip: every fixture → database → chat records", () => {
  const cases: Case[] = [];

  beforeAll(async () => {
    const files = fs.readdirSync(fixturesDir).filter((name) => /^\d\d_/.test(name)).sort();
    const summary = await importFiles(files.map((name) => ({ path: fixturePath(name), name })), { source: "cli" });
    expect(summary.status).toBe("committed");
    expect(summary.invalid).toBe(0);
    const parsed: Omit<Case, "episode">[] = [];
    for (const file of files) (await parseFixture(file)).episodes.forEach((source, index) => parsed.push({ file, index, source }));
    // Found by content hash: another test file may have imported the same fixtures first.
    const hashes = parsed.map(({ source }) => toRows(source, { sourceFile: "", sourceLocation: 0, rawText: "" }, computeQuality(source)).contentHash);
    const found = await pool.query<{ id: number; hash: string }>(`SELECT id, content_hash AS hash FROM episodes WHERE content_hash = ANY($1)`, [hashes]);
    const idOf = new Map(found.rows.map((r) => [r.hash, r.id]));
    const ids = hashes.map((hash) => idOf.get(hash)!);
    // Approval by id: the bulk action takes a filter, and there is no filter for a list of ids.
    await pool.query(`UPDATE episodes SET review_status = 'approved', reviewed_at = now() WHERE id = ANY($1::int[])`, [ids]);
    const loaded = await loadExportEpisodes(ids, { useProposedMasks: false });
    parsed.forEach((c, i) => cases.push({ ...c, episode: loaded.get(ids[i])! }));
  });

  it("imports every episode file and finds each parsed episode, approved", () => {
    const counts = Object.fromEntries([...new Set(cases.map((c) => c.file.slice(0, 2)))].map((n) => [n, cases.filter((c) => c.file.startsWith(n)).length]));
    expect(counts).toEqual({ "01": 1, "03": 1, "05": 1, "07": 1, "09": 1, "10": 3, "11": 1, "12": 5 });
    for (const c of cases) {
      expect(c.episode, `${c.file}#${c.index}`).toBeDefined();
      expect(c.episode.reviewStatus).toBe("approved");
      expect(c.episode.steps).toHaveLength(c.source.steps.length);
    }
  });

  it("carries every call, argument, observation, reasoning and message of the source, in order", () => {
    for (const c of cases) {
      const where = `${c.file}#${c.index}`;
      const { items, droppedSteps, droppedToolResults } = chatMessages(c.episode);
      const result = renderChat(c.episode, { id: where, component: "all", split: "train", copy: 0 }, { tokenizer: defaultTokenCounter, budget: { overLimit: "drop" } });
      if ("dropped" in result) throw new Error(`${where} dropped`);
      expect(result.record.messages).toEqual(items.map((item) => item.message));
      expect([droppedSteps, droppedToolResults]).toEqual([0, 0]);
      expect(items.map((item) => item.step)).toEqual([...items.map((item) => item.step)].sort((a, b) => a - b));
      const names = new Set(result.record.tools.map((t) => t.function.name));
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
      expect(result.record.meta.tokens, where).toBeGreaterThan(0);
    }
  });

  it("renders byte-identical records when loaded and rendered again", async () => {
    const again = await loadExportEpisodes(cases.map((c) => c.episode.id), { useProposedMasks: false });
    const entry = { id: "x", component: "all", split: "train" as const, copy: 0 };
    const options = { tokenizer: defaultTokenCounter, budget: { maxTokens: 8000, overLimit: "truncate" as const } };
    for (const c of cases) {
      const first = JSON.stringify([renderChat(c.episode, entry, options), renderText(c.episode, entry, { ...options, template: "auto" })]);
      const second = JSON.stringify([renderChat(again.get(c.episode.id)!, entry, options), renderText(again.get(c.episode.id)!, entry, { ...options, template: "auto" })]);
      expect(second === first, `${c.file}#${c.index}`).toBe(true);
    }
  });

  it("writes every call as XML that lib/formats/xml-calls.ts reads back", () => {
    let calls = 0;
    const sourceCalls = cases.reduce((n, c) => n + c.source.steps.reduce((m, s) => m + s.parts.filter((p) => p.type === "tool_call").length, 0), 0);
    for (const c of cases) {
      const { items } = chatMessages(c.episode);
      const segments = xmlRollout(c.episode).body;
      items.forEach((item, i) => {
        const sent = item.message.tool_calls ?? [];
        if (sent.length === 0) return;
        const parsed = parseXmlFunctionCalls(segments[i].text.slice("<|assistant|>\n".length));
        expect(parsed.calls.map((call) => call.name), `${c.file}#${c.index} message ${i}`).toEqual(sent.map((call) => call.function.name));
        parsed.calls.forEach((call, n) => {
          const args = item.callArguments[n] ?? {};
          const asText = Object.fromEntries(Object.entries(args).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]));
          expect(call.arguments, `${c.file}#${c.index} message ${i} call ${n}`).toEqual(asText);
          calls++;
        });
      });
    }
    expect(calls).toBe(sourceCalls);
    expect(calls).toBeGreaterThan(300);
  });
});

describe("round trip: pull-request samples → database → chat and pr-linear records", () => {
  it("carries the issue, pull request, every file snapshot with its path, every edit and commit", async () => {
    const rng = createRng("render-round-trip");
    const samples = Array.from({ length: 4 }, () => generatePrSample(rng));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "atelier-render-pr-"));
    const file = path.join(dir, "pr-samples.jsonl");
    fs.writeFileSync(file, samples.map((sample) => JSON.stringify(sample)).join("\n") + "\n");
    const summary = await importFiles([{ path: file }], { source: "cli" });
    fs.rmSync(dir, { recursive: true, force: true });
    expect(summary.invalid).toBe(0);
    const rows = await pool.query<{ id: number; instance_id: string }>(`SELECT id, instance_id FROM episodes WHERE source_format = 'atelier-pr' AND instance_id = ANY($1)`, [samples.map((s) => s.id)]);
    const loaded = await loadExportEpisodes(rows.rows.map((r) => r.id), { useProposedMasks: false });
    const entry = { id: "pr", component: "all", split: "train" as const, copy: 0 };
    const options = { tokenizer: defaultTokenCounter, budget: { overLimit: "drop" as const } };
    for (const sample of samples) {
      const episode = loaded.get(rows.rows.find((r) => r.instance_id === sample.id)!.id)!;
      const chat = renderChat(episode, entry, options);
      const text = renderText(episode, entry, { ...options, template: "auto" });
      if ("dropped" in chat || "dropped" in text) throw new Error("dropped");
      const contents = chat.record.messages.map((m) => m.content);
      if (sample.issue) expect(contents.some((c) => c.includes(sample.issue!.title) && c.includes(sample.issue!.body))).toBe(true);
      expect(contents.some((c) => c.includes(sample.pull_request.title))).toBe(true);
      for (const f of sample.files) {
        expect(contents).toContain(`File: ${f.path}\n\n${f.content}`);
        expect(text.record.text).toContain(`<|file path=${f.path}|>\n${f.content}`);
      }
      const calls = chat.record.messages.flatMap((m) => m.tool_calls ?? []).map((c) => JSON.parse(c.function.arguments));
      expect(calls).toHaveLength(sample.edits.length);
      sample.edits.forEach((edit, n) => {
        expect(calls[n]).toEqual(editorArguments(edit));
        expect(text.record.text).toContain(`<|edit|> ${edit.op} ${edit.path}`);
      });
      for (const commit of sample.commits) {
        expect(contents).toContain(commit.message);
        expect(text.record.text).toContain(`<|commit ${commit.sha}|>\n${commit.message}`);
      }
      expect(text.record.meta.template).toBe("pr-linear");
      expect(text.record.text).toContain(`Base commit: ${sample.base_commit}`);
    }
  });
});

/** The editor call an atelier-pr edit operation is exported as (edit-call.ts). */
function editorArguments(edit: PrEdit): Record<string, unknown> {
  const base = { command: edit.op, path: edit.path };
  switch (edit.op) {
    case "str_replace":
      return { ...base, old_str: edit.old, new_str: edit.new };
    case "insert":
      return { ...base, insert_line: edit.line, new_str: edit.text };
    case "create":
      return { ...base, file_text: edit.content };
    case "rename":
      return { ...base, new_path: edit.new_path };
    case "delete":
      return base;
  }
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
