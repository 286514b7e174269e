/**
 * The contract every source-format module in lib/formats implements.
 *
 * Ingest splits a file into records (one JSONL line, one element of a top-level JSON array, or
 * the whole document), parses each record to a JS value, asks `detect` which module owns the
 * file (on the first record), then calls `parse` on every record. A module never reads files
 * and never touches the database: it is a pure function of one record.
 */
import type { NormalizedEpisode, TestList } from "./episode";

/** What a side file (SWE-bench predictions and reports) says about one instance. */
export type Attachment = {
  instanceId: string;
  /** Model name when the side file names one (predictions); null attaches to every model. */
  model: string | null;
  source: "prediction" | "instance_report" | "run_report";
  patch?: string | null;
  resolved?: boolean | null;
  failToPass?: TestList | null;
  passToPass?: TestList | null;
  failToFail?: TestList | null;
  passToFail?: TestList | null;
};

export type ParsedRecord =
  | { type: "episodes"; episodes: NormalizedEpisode[] }
  | { type: "attachments"; attachments: Attachment[] };

export type RecordContext = {
  fileName: string;
  /** 1-based line (JSONL) or element index (JSON array) or 1 (whole document). */
  location: number;
};

/** How the file is split into records before `parse` is called. */
export type Container = "jsonl" | "json-array" | "document";

export type FormatModule = {
  /** Stable id used by `--format` and stored as the episode's source format. */
  name: string;
  description: string;
  /**
   * How sure this module is that it owns a file whose first record is `sample`
   * (0 = not mine, 1 = certain). `container` tells how the file was split.
   */
  detect(sample: unknown, hints: { fileName: string; container: Container }): number;
  parse(record: unknown, ctx: RecordContext): ParsedRecord;
};

/**
 * A record that cannot be turned into an episode. `field` is a dotted path inside the record
 * (e.g. "history[3].content"); ingest prefixes it with `file:line`.
 */
export class RecordError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
    this.name = "RecordError";
  }
}
