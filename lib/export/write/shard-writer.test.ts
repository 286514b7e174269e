import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parquetMetadata, parquetReadObjects } from "hyparquet";
import type { FinishedShard } from "./finished-shard";
import { ShardWriter } from "./shard-writer";
import type { ChatParquetRow } from "./parquet";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "atelier-shards-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const entry = (episodeId: number) => ({ episodeId, component: 0, copy: 0, split: "train" as const });

async function writeAll(writer: ShardWriter, values: unknown[]): Promise<FinishedShard[]> {
  const shards: FinishedShard[] = [];
  for (const [i, value] of values.entries()) {
    const shard = await writer.write(value, entry(i + 1), 10);
    if (shard) shards.push(shard);
  }
  const last = await writer.end();
  return last ? [...shards, last] : shards;
}

const sha256 = (file: string) => createHash("sha256").update(fs.readFileSync(file)).digest("hex");

describe("ShardWriter (JSONL)", () => {
  it("rolls over after the record that reaches the size, and hashes what it wrote", async () => {
    // Each line is 101 bytes ({"text":"x…"} + newline); 250 bytes fit two, the third crosses.
    const record = { text: "é".repeat(45) };
    const line = Buffer.byteLength(JSON.stringify(record)) + 1;
    const writer = new ShardWriter({ outDir: dir, split: "train", format: "jsonl", style: "chat", shardBytes: 2.5 * line, components: 1, firstIndex: 0 });
    const shards = await writeAll(writer, Array.from({ length: 7 }, () => record));

    expect(shards.map((s) => s.records)).toEqual([3, 3, 1]);
    expect(shards.map((s) => s.partialPath)).toEqual(["data/.train-00000.jsonl.partial", "data/.train-00001.jsonl.partial", "data/.train-00002.jsonl.partial"]);
    expect(shards[1].entries).toEqual([[4, 0, 0], [5, 0, 0], [6, 0, 0]]);
    expect(shards[0].tokensByComponent).toEqual([30]);
    for (const shard of shards) {
      const file = path.join(dir, shard.partialPath);
      expect(shard.bytes).toBe(fs.statSync(file).size);
      expect(shard.sha256).toBe(sha256(file));
      const lines = fs.readFileSync(file, "utf8").split("\n");
      expect(lines.pop()).toBe("");
      expect(lines.map((l) => JSON.parse(l))).toEqual(Array(shard.records).fill(record));
    }
  });
});

const message = (role: string, content: string | null, extra: Partial<ChatParquetRow["messages"][number]> = {}) => ({
  role, content, reasoning_content: null, tool_calls: null, tool_call_id: null, name: null, weight: null, ...extra,
});

function chatRow(episodeId: number): ChatParquetRow & { id: number } {
  return {
    id: episodeId - 1, record_id: `${episodeId}-0-0`, exit_status_class: "submitted", style: "chat", template: null, tokenizer: "o200k_base", truncated_at_step: null, dropped_steps: 0, dropped_tool_results: 0, episode_id: episodeId, component: "main", split: "train", copy: 0, kind: "environmental", source_format: "swe-agent",
    repo: episodeId % 2 ? "psf/requests" : null, instance_id: null, agent: "swe-agent", model: "gpt-4o", resolved: episodeId % 2 ? true : null, tokens: 1234,
    messages: [
      message("system", "You are a helpful agent ✓", { weight: 0 }),
      message("assistant", null, { reasoning_content: "think", weight: 1, tool_calls: [{ id: "c1", type: "function", function: { name: "bash", arguments: '{"cmd":"ls"}' } }] }),
      message("tool", "", { tool_call_id: "c1", name: "bash", weight: 0 }),
    ],
    tools: episodeId % 2 ? [{ type: "function", function: { name: "bash" } }] : null,
  };
}

describe("ShardWriter (Parquet)", () => {
  it("writes typed columns and nested messages that read back, one shard per size limit", async () => {
    const writer = new ShardWriter({ outDir: dir, split: "validation", format: "parquet", style: "chat", shardBytes: 1000, components: 1, firstIndex: 2 });
    const shards = await writeAll(writer, Array.from({ length: 12 }, (_, i) => chatRow(i + 1)));

    expect(shards.length).toBeGreaterThan(1);
    expect(shards[0].partialPath).toBe("data/.validation-00002.parquet.partial");
    expect(shards.reduce((n, s) => n + s.records, 0)).toBe(12);
    const rows = [];
    for (const shard of shards) {
      const file = path.join(dir, shard.partialPath);
      expect(shard.sha256).toBe(sha256(file));
      const bytes = fs.readFileSync(file);
      const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
      const metadata = parquetMetadata(buffer);
      expect(metadata.created_by).toMatch(/^atelier version \d/);
      // The standard three-level LIST of structs (what pyarrow and DuckDB write and read).
      const messages = metadata.schema.slice(metadata.schema.findIndex((e) => e.name === "messages"));
      expect(messages.slice(0, 4).map((e) => [e.name, e.repetition_type, e.converted_type ?? null])).toEqual([
        ["messages", "REQUIRED", "LIST"], ["list", "REPEATED", null], ["element", "REQUIRED", null], ["role", "REQUIRED", "UTF8"],
      ]);
      rows.push(...(await parquetReadObjects({ file: buffer })));
    }
    expect(rows[0]).toEqual({ ...chatRow(1), id: 0n, episode_id: 1n, tokens: 1234n });
    expect(rows[1].repo).toBeNull();
    expect(rows[1].tools).toBeNull();
    expect(rows[11].episode_id).toBe(12n);
    expect(rows[0].messages[1].weight).toBe(1);
    expect(rows[0].messages[2].content).toBe("");
  });

  it("writes text-style rows", async () => {
    const writer = new ShardWriter({ outDir: dir, split: "train", format: "parquet", style: "text", shardBytes: 1e6, components: 1, firstIndex: 0 });
    const { messages: _messages, tools: _tools, ...meta } = chatRow(1);
    const [shard] = await writeAll(writer, [{ ...meta, text: "<user>hi</user>", train_spans: [[0, 4]] }]);
    const bytes = fs.readFileSync(path.join(dir, shard.partialPath));
    const [row] = await parquetReadObjects({ file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) });
    expect(row.text).toBe("<user>hi</user>");
    expect(row.train_spans).toEqual([[0, 4]]);
  });
});
