/** Shard file names: temporary while the total is unknown, then the Hugging Face layout. */
import type { Split } from "@/lib/export/types";

export type ShardFormat = "jsonl" | "parquet";

const pad = (n: number) => String(n).padStart(5, "0");

/** Hidden and suffixed, so a half-written export is never mistaken for data. */
export function partialShardPath(split: Split, index: number, format: ShardFormat): string {
  return `data/.${split}-${pad(index)}.${format}.partial`;
}

/** `data/train-00000-of-00003.jsonl`, what `datasets` and the Hub expect. */
export function finalShardPath(split: Split, index: number, total: number, format: ShardFormat): string {
  return `${finalShardPrefix(split, index)}${pad(total)}.${format}`;
}

export function finalShardPrefix(split: Split, index: number): string {
  return `data/${split}-${pad(index)}-of-`;
}
