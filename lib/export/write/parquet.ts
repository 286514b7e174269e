/**
 * The Parquet columns of an exported record. `messages` is a standard three-level LIST of structs
 * (what pyarrow, DuckDB and Hugging Face datasets write), so readers see typed nested rows;
 * free-form parts (tool calls, tools, train spans) are JSON columns.
 */
import type { SchemaElement } from "hyparquet";
import type { RecordMeta } from "@/lib/export/render/record";
import { appVersion } from "./app-version";

export type ParquetMessage = {
  role: string;
  content: string | null;
  reasoning_content: string | null;
  /** OpenAI-style tool calls, stored as JSON. */
  tool_calls: unknown[] | null;
  tool_call_id: string | null;
  name: string | null;
  /** Loss weight of the message (0 = context only, 1 = trained on). */
  weight: number | null;
};

/**
 * What every row carries about where it came from: the record's meta (lib/export/render/record.ts),
 * flattened, plus `record_id` (`<episode>-<component>-<copy>`). `id` is the record's ordinal in the
 * export (the writer sets it).
 */
export type ParquetMeta = RecordMeta & { record_id: string };
export type ChatParquetRow = ParquetMeta & { messages: ParquetMessage[]; tools: unknown[] | null };
export type TextParquetRow = ParquetMeta & { text: string; train_spans: unknown };
export type ParquetRow = ChatParquetRow | TextParquetRow;
export type ParquetStyle = "chat" | "text";

const required = "REQUIRED" as const;
const optional = "OPTIONAL" as const;
const string = (name: string, repetition_type: "REQUIRED" | "OPTIONAL" = optional): SchemaElement => ({ name, type: "BYTE_ARRAY", converted_type: "UTF8", repetition_type });
const json = (name: string): SchemaElement => ({ name, type: "BYTE_ARRAY", converted_type: "JSON", repetition_type: optional });

const metaColumns: SchemaElement[] = [
  { name: "id", type: "INT64", repetition_type: required },
  string("record_id", required),
  { name: "episode_id", type: "INT64", repetition_type: required },
  string("component", required),
  string("split", required),
  { name: "copy", type: "INT32", repetition_type: required },
  string("kind", required),
  string("source_format", required),
  string("repo"),
  string("instance_id"),
  string("agent"),
  string("model"),
  { name: "resolved", type: "BOOLEAN", repetition_type: optional },
  string("exit_status_class", required),
  string("style", required),
  string("template"),
  string("tokenizer", required),
  { name: "tokens", type: "INT64", repetition_type: required },
  { name: "truncated_at_step", type: "INT32", repetition_type: optional },
  { name: "dropped_steps", type: "INT32", repetition_type: required },
  { name: "dropped_tool_results", type: "INT32", repetition_type: required },
];

const messageFields: SchemaElement[] = [
  string("role", required),
  string("content"),
  string("reasoning_content"),
  json("tool_calls"),
  string("tool_call_id"),
  string("name"),
  { name: "weight", type: "FLOAT", repetition_type: optional },
];

const chatColumns: SchemaElement[] = [
  { name: "messages", repetition_type: required, converted_type: "LIST", num_children: 1 },
  { name: "list", repetition_type: "REPEATED", num_children: 1 },
  { name: "element", repetition_type: required, num_children: messageFields.length },
  ...messageFields,
  json("tools"),
];

const textColumns: SchemaElement[] = [string("text", required), json("train_spans")];

/** Top-level column names in file order (nested fields belong to their column). */
export function parquetColumnNames(style: ParquetStyle): string[] {
  const own = style === "chat" ? ["messages", "tools"] : ["text", "train_spans"];
  return [...metaColumns.map((c) => c.name), ...own];
}

export function parquetSchema(style: ParquetStyle): SchemaElement[] {
  const columns = style === "chat" ? chatColumns : textColumns;
  return [{ name: "root", num_children: metaColumns.length + 2 }, ...metaColumns, ...columns];
}

const int64Columns = new Set(["id", "episode_id", "tokens"]);

/** One column's values for a row group, converted to what the writer wants (INT64 as bigint). */
export function columnValues(name: string, rows: Record<string, unknown>[]): unknown[] {
  if (int64Columns.has(name)) return rows.map((row) => BigInt(row[name] as number));
  return rows.map((row) => row[name] ?? null);
}

/** Fixed, so two runs of the same recipe write byte-identical files. */
export const parquetCreatedBy = `atelier version ${appVersion}`;
