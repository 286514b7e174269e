/** A closed shard as the checkpoint and the manifest record it (zod: both are read back from disk). */
import { z } from "zod";
import { splits } from "@/lib/export/types";

const count = z.number().int().min(0);

export const shardEntrySchema = z.tuple([z.number().int().positive(), count, count]).describe("[episode id, component index, copy]");
/** episode id, component index, copy: the plan entry a record came from. */
export type ShardEntry = z.infer<typeof shardEntrySchema>;

export const finishedShardSchema = z.object({
  split: z.enum(splits),
  index: count,
  format: z.enum(["jsonl", "parquet"]),
  /** Relative to the output dir, under its temporary name. */
  partialPath: z.string(),
  records: count,
  tokens: count,
  /** Tokens per recipe component, by component index. */
  tokensByComponent: z.array(count),
  bytes: count,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  entries: z.array(shardEntrySchema),
});
export type FinishedShard = z.infer<typeof finishedShardSchema>;
