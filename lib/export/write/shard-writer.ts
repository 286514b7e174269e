/**
 * The shards of one split, written in order. A shard is closed right after the record that makes
 * it reach `shardBytes`, so where shards end depends only on the records from the shard's start:
 * a resumed export (which restarts at a shard boundary) writes the same files as one that never
 * stopped.
 */
import fs from "node:fs/promises";
import path from "node:path";
import type { PlanEntry, Split } from "@/lib/export/types";
import type { ParquetStyle } from "./parquet";
import { openJsonlSink, openParquetSink, type RecordSink } from "./record-sink";
import type { FinishedShard, ShardEntry } from "./finished-shard";
import { partialShardPath, type ShardFormat } from "./shard-names";

export type ShardWriterOptions = {
  outDir: string;
  split: Split;
  format: ShardFormat;
  style: ParquetStyle;
  shardBytes: number;
  components: number;
  /** The first shard's index (a resume continues after the finished ones). */
  firstIndex: number;
};

/** At most this many rows, or about this many bytes, are held before a Parquet row group is written. */
const rowGroupRows = 1000;
const maxRowGroupBytes = 64 * 1024 * 1024;

export class ShardWriter {
  private sink: RecordSink | null = null;
  private index: number;
  private records = 0;
  private tokens = 0;
  private tokensByComponent: number[] = [];
  private entries: ShardEntry[] = [];

  constructor(private readonly options: ShardWriterOptions) {
    this.index = options.firstIndex;
  }

  /** Appends a record; returns the shard it completed, if it did. */
  async write(value: unknown, entry: PlanEntry, tokens: number): Promise<FinishedShard | null> {
    const sink = this.sink ?? (await this.open());
    await sink.write(value);
    this.records += 1;
    this.tokens += tokens;
    this.tokensByComponent[entry.component] += tokens;
    this.entries.push([entry.episodeId, entry.component, entry.copy]);
    return sink.size >= this.options.shardBytes ? this.finish() : null;
  }

  /** Bytes of the shard being written (for progress). */
  get openBytes(): number {
    return this.sink?.size ?? 0;
  }

  /** Closes the last shard of the split (if it holds anything). */
  async end(): Promise<FinishedShard | null> {
    return this.sink ? this.finish() : null;
  }

  /** Drops the shard being written (cancel, error); finished shards stay. */
  async discard(): Promise<void> {
    await this.sink?.discard();
    this.sink = null;
  }

  private get partialPath(): string {
    return partialShardPath(this.options.split, this.index, this.options.format);
  }

  private async open(): Promise<RecordSink> {
    const { outDir, format, style, shardBytes, components } = this.options;
    const file = path.join(outDir, this.partialPath);
    await fs.mkdir(path.dirname(file), { recursive: true });
    this.sink =
      format === "jsonl"
        ? await openJsonlSink(file)
        : await openParquetSink(file, { style, rowGroupRows, rowGroupBytes: Math.min(shardBytes, maxRowGroupBytes) });
    this.records = 0;
    this.tokens = 0;
    this.tokensByComponent = new Array<number>(components).fill(0);
    this.entries = [];
    return this.sink;
  }

  private async finish(): Promise<FinishedShard> {
    const closed = await this.sink!.close();
    this.sink = null;
    const shard: FinishedShard = {
      split: this.options.split,
      index: this.index,
      format: this.options.format,
      partialPath: this.partialPath,
      records: this.records,
      tokens: this.tokens,
      tokensByComponent: this.tokensByComponent,
      entries: this.entries,
      ...closed,
    };
    this.index += 1;
    return shard;
  }
}
