/** One open shard file in one format: records go in, the file's size decides when it is full. */
import { ByteWriter, ParquetWriter } from "hyparquet-writer";
import { HashedFile, type ClosedFile } from "./hashed-file";
import { columnValues, parquetColumnNames, parquetCreatedBy, parquetSchema, type ParquetStyle } from "./parquet";

export type RecordSink = {
  /** JSONL: the rendered record; Parquet: its row (toParquetRow), with `id` set. */
  write(value: unknown): Promise<void>;
  /** Bytes this shard holds so far (Parquet: flushed row groups), the rollover measure. */
  readonly size: number;
  close(): Promise<ClosedFile>;
  discard(): Promise<void>;
};

export async function openJsonlSink(path: string): Promise<RecordSink> {
  const file = await HashedFile.create(path);
  return {
    async write(record) {
      await file.writeText(JSON.stringify(record));
      await file.writeText("\n");
    },
    get size() {
      return file.bytes;
    },
    close: () => file.close(),
    discard: () => file.discard(),
  };
}

/** A ByteWriter whose bytes leave for the file after each row group (ParquetWriter calls flush). */
class StreamingWriter extends ByteWriter {
  constructor(private readonly file: HashedFile) {
    super(1 << 20);
  }
  flush(): Promise<void> | void {
    const chunk = new Uint8Array(this.buffer.slice(0, this.index));
    this.index = 0;
    return this.file.write(chunk);
  }
  finish(): Promise<void> | void {
    return this.flush();
  }
}

export type ParquetSinkOptions = { style: ParquetStyle; rowGroupRows: number; rowGroupBytes: number };

/** Buffers one row group of rows at a time; the footer is written at close. */
export async function openParquetSink(path: string, options: ParquetSinkOptions): Promise<RecordSink> {
  const file = await HashedFile.create(path);
  const writer = new ParquetWriter({ writer: new StreamingWriter(file), schema: parquetSchema(options.style), createdBy: parquetCreatedBy });
  const columns = parquetColumnNames(options.style);
  let rows: Record<string, unknown>[] = [];
  let pendingBytes = 0;

  async function flushRowGroup() {
    if (rows.length === 0) return;
    const columnData = columns.map((name) => ({ name, data: columnValues(name, rows) }));
    const group = rows.length;
    rows = [];
    pendingBytes = 0;
    await writer.write({ columnData, rowGroupSize: group });
  }

  return {
    async write(row) {
      rows.push(row as Record<string, unknown>);
      pendingBytes += approximateBytes(row);
      if (rows.length >= options.rowGroupRows || pendingBytes >= options.rowGroupBytes) await flushRowGroup();
    },
    get size() {
      return file.bytes;
    },
    async close() {
      await flushRowGroup();
      await writer.finish();
      return file.close();
    },
    discard: () => file.discard(),
  };
}

/** A cheap, deterministic size estimate (strings by length), to bound a row group's memory. */
export function approximateBytes(value: unknown): number {
  if (typeof value === "string") return value.length;
  if (value === null || typeof value !== "object") return 8;
  let total = 0;
  if (Array.isArray(value)) for (const item of value) total += approximateBytes(item);
  else for (const key in value) total += key.length + approximateBytes((value as Record<string, unknown>)[key]);
  return total;
}
