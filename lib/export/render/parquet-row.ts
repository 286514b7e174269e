/**
 * Records as Parquet rows, for the Parquet writer. One file holds one style (the recipe's), so
 * there is one column layout per style: `chatParquetColumns` or `textParquetColumns`, in column
 * order. Types are abstract; the writer maps them to its library:
 *   string → BYTE_ARRAY UTF8, json → BYTE_ARRAY UTF8 holding JSON text, int32 → INT32,
 *   boolean → BOOLEAN, list<struct> → a LIST of a group with the given fields.
 * `nullable: false` columns never hold null. Meta columns are the record's `meta`, flattened
 * under the same snake_case names.
 *
 * Chat: id, messages list<struct<role, content, reasoning_content?, tool_calls? (the calls as a
 * JSON string), tool_call_id?, name?, weight int32>>, tools (JSON string of the definitions), meta.
 * Text: id, text, train_spans list<struct<start, end>> (end exclusive, UTF-16 code units, as in
 * JavaScript), meta.
 */
import { isChatRecord, type ExportRecord, type RecordMeta } from "./record";

export type ParquetScalar = "string" | "json" | "int32" | "boolean";
export type ParquetColumn = { name: string; type: ParquetScalar; nullable: boolean } | { name: string; type: "list<struct>"; nullable: false; fields: ParquetColumn[] };

const metaColumns: ParquetColumn[] = [
  { name: "episode_id", type: "int32", nullable: false },
  { name: "source_format", type: "string", nullable: false },
  { name: "kind", type: "string", nullable: false },
  { name: "repo", type: "string", nullable: true },
  { name: "instance_id", type: "string", nullable: true },
  { name: "agent", type: "string", nullable: true },
  { name: "model", type: "string", nullable: true },
  { name: "resolved", type: "boolean", nullable: true },
  { name: "exit_status_class", type: "string", nullable: false },
  { name: "component", type: "string", nullable: false },
  { name: "split", type: "string", nullable: false },
  { name: "copy", type: "int32", nullable: false },
  { name: "style", type: "string", nullable: false },
  { name: "template", type: "string", nullable: true },
  { name: "tokenizer", type: "string", nullable: false },
  { name: "tokens", type: "int32", nullable: false },
  { name: "truncated_at_step", type: "int32", nullable: true },
  { name: "dropped_steps", type: "int32", nullable: false },
  { name: "dropped_tool_results", type: "int32", nullable: false },
] satisfies (ParquetColumn & { name: keyof RecordMeta })[];

export const chatParquetColumns: readonly ParquetColumn[] = [
  { name: "id", type: "string", nullable: false },
  {
    name: "messages",
    type: "list<struct>",
    nullable: false,
    fields: [
      { name: "role", type: "string", nullable: false },
      { name: "content", type: "string", nullable: false },
      { name: "reasoning_content", type: "string", nullable: true },
      { name: "tool_calls", type: "json", nullable: true },
      { name: "tool_call_id", type: "string", nullable: true },
      { name: "name", type: "string", nullable: true },
      { name: "weight", type: "int32", nullable: false },
    ],
  },
  { name: "tools", type: "json", nullable: false },
  ...metaColumns,
];

export const textParquetColumns: readonly ParquetColumn[] = [
  { name: "id", type: "string", nullable: false },
  { name: "text", type: "string", nullable: false },
  {
    name: "train_spans",
    type: "list<struct>",
    nullable: false,
    fields: [
      { name: "start", type: "int32", nullable: false },
      { name: "end", type: "int32", nullable: false },
    ],
  },
  ...metaColumns,
];

export type ParquetMessage = {
  role: string;
  content: string;
  reasoning_content: string | null;
  tool_calls: string | null;
  tool_call_id: string | null;
  name: string | null;
  weight: number;
};

export type ChatParquetRow = { id: string; messages: ParquetMessage[]; tools: string } & RecordMeta;
export type TextParquetRow = { id: string; text: string; train_spans: { start: number; end: number }[] } & RecordMeta;

/** The row for `record`, keys in column order. */
export function toParquetRow(record: ExportRecord): ChatParquetRow | TextParquetRow {
  if (isChatRecord(record)) {
    const messages = record.messages.map((m) => ({
      role: m.role,
      content: m.content,
      reasoning_content: m.reasoning_content ?? null,
      tool_calls: m.tool_calls ? JSON.stringify(m.tool_calls) : null,
      tool_call_id: m.tool_call_id ?? null,
      name: m.name ?? null,
      weight: m.weight,
    }));
    return { id: record.id, messages, tools: JSON.stringify(record.tools), ...record.meta };
  }
  return { id: record.id, text: record.text, train_spans: record.train_spans.map(([start, end]) => ({ start, end })), ...record.meta };
}
