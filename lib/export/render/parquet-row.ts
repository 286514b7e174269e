/**
 * Records as Parquet rows in the writer's column layout (lib/export/write/parquet.ts, the one
 * definition of the schema): meta flattened under its snake_case names, `record_id` the record's
 * id, tool calls, tools and train spans as values the writer stores in JSON columns.
 */
import type { ChatParquetRow, TextParquetRow } from "@/lib/export/write/parquet";
import { isChatRecord, type ExportRecord } from "./record";

export function toParquetRow(record: ExportRecord): ChatParquetRow | TextParquetRow {
  if (isChatRecord(record)) {
    const messages = record.messages.map((m) => ({
      role: m.role,
      content: m.content,
      reasoning_content: m.reasoning_content ?? null,
      tool_calls: m.tool_calls ?? null,
      tool_call_id: m.tool_call_id ?? null,
      name: m.name ?? null,
      weight: m.weight,
    }));
    return { record_id: record.id, ...record.meta, messages, tools: record.tools };
  }
  return { record_id: record.id, ...record.meta, text: record.text, train_spans: record.train_spans };
}
