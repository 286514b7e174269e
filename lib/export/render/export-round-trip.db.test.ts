/**
 * The round trip through the whole pipeline, as a user gets it: every real fixture imported and
 * approved, exported by the real runExport (plan → load → render → write → finalize) to chat
 * JSONL, the files read back line by line, and each source episode (found by meta.episode_id)
 * checked field by field against its source (./testing/round-trip-checks.ts). The same export as
 * Parquet is read back by DuckDB, an independent reader: its rows, types and messages must be the
 * JSONL's.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnect, pool } from "@/lib/db";
import { hasFixtures } from "@/lib/testing/fixtures";
import type { RecipeInput } from "../recipe/schema";
import { atelierExportDeps } from "../run/atelier-deps";
import { runExport } from "../run/run-export";
import type { ExportManifest } from "../write/manifest";
import type { ChatRecord } from "./record";
import { expectChatRecordCarriesSource, importFixtureCases, type FixtureCase } from "./testing/round-trip-checks";

const run = randomBytes(4).toString("hex");
const label = `round-trip-${run}`;
const root = fs.mkdtempSync(path.join(os.tmpdir(), "atelier-export-round-trip-"));

afterAll(async () => {
  fs.rmSync(root, { recursive: true, force: true });
  await disconnect();
});

/** Everything in, unchanged: no dedup or decontamination (the fixtures are SWE-bench tasks), no split, no token limit. */
const recipe = (file: "jsonl" | "parquet"): RecipeInput => ({
  name: `round trip ${run}`,
  components: [{ name: "fixtures", filter: `label=${label}` }],
  dedup: { exact: false, near: false },
  decontamination: { swebench: false },
  split: { validation: 0 },
  format: { file, shardMb: 1 },
});

function readJsonl(outDir: string, manifest: ExportManifest): ChatRecord[] {
  return manifest.shards.flatMap((shard) => {
    const text = fs.readFileSync(path.join(outDir, shard.path), "utf8");
    expect(text.endsWith("\n"), shard.path).toBe(true);
    const lines = text.slice(0, -1).split("\n");
    expect(lines, shard.path).toHaveLength(shard.records);
    return lines.map((line) => JSON.parse(line) as ChatRecord);
  });
}

describe.skipIf(!hasFixtures)("round trip: every fixture → database → runExport → files", () => {
  let cases: FixtureCase[] = [];
  let jsonl: { manifest: ExportManifest; records: ChatRecord[] };

  beforeAll(async () => {
    cases = await importFixtureCases();
    // The recipe needs a filter that selects exactly these episodes: a label of this run.
    await pool.query(`UPDATE episodes SET bulk_labels = array_append(bulk_labels, $2), labels = array_append(labels, $2) WHERE id = ANY($1::int[])`, [
      cases.map((c) => c.episode.id),
      label,
    ]);
    const outDir = path.join(root, "jsonl");
    const manifest = await runExport({ recipe: recipe("jsonl"), recipeVersionId: null, outDir, deps: atelierExportDeps({ confined: false }) });
    jsonl = { manifest, records: readJsonl(outDir, manifest) };
  });

  it("exports every approved fixture episode once, as the manifest lists", () => {
    const { manifest, records } = jsonl;
    expect(manifest.totals.records).toBe(cases.length);
    expect(records).toHaveLength(cases.length);
    expect(records.map((r) => r.meta.episode_id).sort((a, b) => a - b)).toEqual(cases.map((c) => c.episode.id).sort((a, b) => a - b));
    expect(manifest.shards.flatMap((s) => s.entries.map(([episode]) => episode))).toEqual(records.map((r) => r.meta.episode_id));
    expect(manifest.components[0]).toMatchObject({ records: cases.length, truncated: 0 });
    for (const record of records) {
      expect(Object.keys(record)).toEqual(["id", "messages", "tools", "meta"]);
      expect(record.meta).toMatchObject({ component: "fixtures", split: "train", copy: 0, style: "chat", truncated_at_step: null });
    }
  });

  it("carries every call, argument, observation, reasoning and message of each source episode, in order", () => {
    const byEpisode = new Map(jsonl.records.map((r) => [r.meta.episode_id, r]));
    for (const c of cases) {
      const record = byEpisode.get(c.episode.id);
      expect(record, `${c.file}#${c.index}`).toBeDefined();
      expectChatRecordCarriesSource(c, record!);
    }
  });

  it("writes the same records as Parquet that DuckDB reads back with the documented types", async () => {
    const outDir = path.join(root, "parquet");
    const manifest = await runExport({ recipe: recipe("parquet"), recipeVersionId: null, outDir, deps: atelierExportDeps({ confined: false }) });
    expect(manifest.shards.every((s) => /^data\/train-\d{5}-of-\d{5}\.parquet$/.test(s.path))).toBe(true);
    const { DuckDBInstance } = await import("@duckdb/node-api");
    const db = await DuckDBInstance.create(":memory:");
    const connection = await db.connect();
    try {
      const files = `read_parquet('${path.join(outDir, "data")}/*.parquet')`;
      const count = (await connection.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM ${files}`)).getRowObjectsJS();
      expect(count[0].n).toBe(manifest.totals.records);

      const types = Object.fromEntries(
        (await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${files}`)).getRowObjectsJS().map((row) => [row.column_name, row.column_type]),
      );
      // As lib/export/write/parquet.ts defines them: meta columns, a LIST of message structs, JSON tools.
      expect(types).toEqual({
        id: "BIGINT",
        record_id: "VARCHAR",
        episode_id: "BIGINT",
        component: "VARCHAR",
        split: "VARCHAR",
        copy: "INTEGER",
        kind: "VARCHAR",
        source_format: "VARCHAR",
        repo: "VARCHAR",
        instance_id: "VARCHAR",
        agent: "VARCHAR",
        model: "VARCHAR",
        resolved: "BOOLEAN",
        exit_status_class: "VARCHAR",
        style: "VARCHAR",
        template: "VARCHAR",
        tokenizer: "VARCHAR",
        tokens: "BIGINT",
        truncated_at_step: "INTEGER",
        dropped_steps: "INTEGER",
        dropped_tool_results: "INTEGER",
        messages: 'STRUCT("role" VARCHAR, "content" VARCHAR, reasoning_content VARCHAR, tool_calls JSON, tool_call_id VARCHAR, "name" VARCHAR, weight FLOAT)[]',
        tools: "JSON",
      });

      // Every record, compared with the JSONL: the record with the most tool calls first of all.
      const rows = (
        await connection.runAndReadAll(`SELECT id, record_id, episode_id, tokens, to_json(messages)::VARCHAR AS messages, tools::VARCHAR AS tools FROM ${files} ORDER BY id`)
      ).getRowObjectsJS();
      expect(rows.map((r) => Number(r.id))).toEqual(rows.map((_, i) => i));
      const byEpisode = new Map(jsonl.records.map((r) => [r.meta.episode_id, r]));
      const callCount = (r: ChatRecord) => r.messages.reduce((n, m) => n + (m.tool_calls?.length ?? 0), 0);
      const busiest = [...jsonl.records].sort((a, b) => callCount(b) - callCount(a))[0];
      expect(callCount(busiest)).toBeGreaterThan(50);
      const ordered = [...rows].sort((a, b) => (Number(a.episode_id) === busiest.meta.episode_id ? -1 : Number(b.episode_id) === busiest.meta.episode_id ? 1 : 0));
      for (const row of ordered) {
        const record = byEpisode.get(Number(row.episode_id))!;
        expect(row.record_id).toBe(record.id);
        expect(Number(row.tokens)).toBe(record.meta.tokens);
        const messages = JSON.parse(row.messages as string) as Record<string, unknown>[];
        expect(messages.map((m) => m.role), record.id).toEqual(record.messages.map((m) => m.role));
        expect(messages.map((m) => m.content), record.id).toEqual(record.messages.map((m) => m.content));
        expect(messages.map((m) => m.reasoning_content ?? undefined), record.id).toEqual(record.messages.map((m) => m.reasoning_content));
        expect(messages.map((m) => m.tool_calls ?? undefined), record.id).toEqual(record.messages.map((m) => m.tool_calls));
        expect(messages.map((m) => m.tool_call_id ?? undefined), record.id).toEqual(record.messages.map((m) => m.tool_call_id));
        expect(messages.map((m) => m.name ?? undefined), record.id).toEqual(record.messages.map((m) => m.name));
        expect(messages.map((m) => m.weight), record.id).toEqual(record.messages.map((m) => m.weight));
        expect(JSON.parse(row.tools as string)).toEqual(record.tools);
      }
    } finally {
      connection.closeSync();
      db.closeSync();
    }
  });
});
