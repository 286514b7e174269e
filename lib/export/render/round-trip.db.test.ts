/**
 * The export carries the source: every real fixture is imported in one batch, approved, loaded
 * with loadExportEpisodes and rendered to chat records, and every tool call (name, id, each
 * argument), observation, reasoning and message text of the source is in the exported messages,
 * in order (the checks are in ./testing/round-trip-checks.ts, shared with the pipeline test that
 * reads the same records back from a real export's files).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnect, pool } from "@/lib/db";
import { parseXmlFunctionCalls } from "@/lib/formats/xml-calls";
import { importFiles } from "@/lib/ingest/import-files";
import type { PrEdit } from "@/lib/formats/pr-sample";
import { generatePrSample } from "@/lib/sample/pr-sample";
import { createRng } from "@/lib/sample/random";
import { defaultTokenCounter } from "@/lib/quality";
import { startsNewChunk } from "@/lib/quality/token-chunks";
import { hasFixtures } from "@/lib/testing/fixtures";
import { renderChat } from "./chat";
import { chatMessages } from "./chat-messages";
import { loadExportEpisodes } from "./load-episodes";
import { renderText } from "./text";
import { expectChatRecordCarriesSource, fixtureEpisodeCounts, importFixtureCases, type FixtureCase } from "./testing/round-trip-checks";
import { xmlRollout } from "./xml-rollout";

afterAll(() => disconnect());

describe.skipIf(!hasFixtures)("round trip: every fixture → database → chat records", () => {
  let cases: FixtureCase[] = [];

  beforeAll(async () => {
    cases = await importFixtureCases();
  });

  it("imports every episode file and finds each parsed episode, approved", () => {
    const counts = Object.fromEntries([...new Set(cases.map((c) => c.file.slice(0, 2)))].map((n) => [n, cases.filter((c) => c.file.startsWith(n)).length]));
    expect(counts).toEqual(fixtureEpisodeCounts);
    for (const c of cases) {
      expect(c.episode, `${c.file}#${c.index}`).toBeDefined();
      expect(c.episode.reviewStatus).toBe("approved");
      expect(c.episode.steps).toHaveLength(c.source.steps.length);
    }
  });

  it("carries every call, argument, observation, reasoning and message of the source, in order", () => {
    for (const c of cases) {
      const where = `${c.file}#${c.index}`;
      const result = renderChat(c.episode, { id: where, component: "all", split: "train", copy: 0 }, { tokenizer: defaultTokenCounter, budget: { overLimit: "drop" } });
      if ("dropped" in result) throw new Error(`${where} dropped`);
      expectChatRecordCarriesSource(c, result.record);
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

  it("counts the same tokens from the import's count as by counting every message", () => {
    const entry = { id: "x", component: "all", split: "train" as const, copy: 0 };
    const options = { tokenizer: defaultTokenCounter, budget: { overLimit: "drop" as const } };
    let whole = 0;
    let partly = 0;
    for (const c of cases) {
      const where = `${c.file}#${c.index}`;
      expect(c.episode.importTokens, where).toMatchObject({ tokenizer: "o200k_base" });
      const counted = renderChat({ ...c.episode, importTokens: null }, entry, options);
      expect(renderChat(c.episode, entry, options), where).toEqual(counted);
      const { changedSteps, addedTexts } = chatMessages(c.episode);
      if (changedSteps.size === 0 && addedTexts.length === 0) {
        whole++;
        expect("dropped" in counted ? null : counted.tokens, where).toBe(c.episode.importTokens!.total);
      } else if (changedSteps.size < c.episode.steps.length) partly++;
    }
    expect(whole).toBeGreaterThan(0);
    expect(partly).toBeGreaterThan(0);
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
      // File snapshots add their `File:` line to the import's count (unless the file's first line could
      // join it, as `//` can); edits, rendered as calls, are recounted.
      const addedTexts = sample.files.filter((f) => startsNewChunk(f.content)).map((f) => `File: ${f.path}\n\n`);
      expect(chatMessages(episode).addedTexts).toEqual(addedTexts);
      expect(chat).toEqual(renderChat({ ...episode, importTokens: null }, entry, options));
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
