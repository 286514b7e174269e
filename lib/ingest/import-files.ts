/**
 * The one import path (CLI, REST and the Imports page all call `importFiles`): stream each file's
 * records, detect the format, parse, compute quality signals, and bulk-write everything inside one
 * transaction, so a batch lands whole or not at all. Re-imported content is counted, not added.
 */
import fs from "node:fs";
import { pool, prisma } from "@/lib/db";
import { getFormat } from "@/lib/formats";
import type { TokenCounter } from "@/lib/quality";
import { BatchWriter } from "./batch-writer";
import { importFile, type FileSummary } from "./import-file";
import { ImportErrors, type ImportError } from "./import-errors";

export type ImportInput = { path: string; name?: string };

export type { FileSummary } from "./import-file";

export type ImportProgress = { file: string; fileIndex: number; files: number; bytesDone: number; bytesTotal: number; summary: FileSummary };

export type ImportOptions = {
  format?: string;
  skipInvalid?: boolean;
  source: "cli" | "api" | "ui" | "seed";
  createdById?: string | null;
  tokenizer?: TokenCounter;
  maxRecordBytes?: number;
  onProgress?: (progress: ImportProgress) => void;
  /** Called once the batch row exists, before any data is read (for status polling). */
  onBatchCreated?: (batchId: number) => void;
};

export type ImportSummary = {
  batchId: number;
  status: "committed" | "failed";
  files: FileSummary[];
  imported: number;
  duplicates: number;
  invalid: number;
  errors: ImportError[];
  errorCount: number;
  /** Set when the batch failed for a reason other than invalid records (e.g. the database). */
  failure: string | null;
};

/** One record (a JSONL line, an array element, a whole .traj) may be this big; --max-record-mb raises it. */
export const defaultMaxRecordBytes = 64 * 1024 * 1024;

export async function importFiles(inputs: readonly ImportInput[], options: ImportOptions): Promise<ImportSummary> {
  const forced = options.format ? getFormat(options.format) : null;
  const batch = await prisma.importBatch.create({
    data: { source: options.source, createdById: options.createdById ?? null, options: { format: options.format ?? null, skipInvalid: !!options.skipInvalid, tokenizer: options.tokenizer?.name ?? "o200k_base", pid: process.pid } },
  });
  options.onBatchCreated?.(batch.id);
  const errors = new ImportErrors();
  const summaries: FileSummary[] = [];
  const client = await pool.connect();
  let failure: string | null = null;
  try {
    await client.query("BEGIN");
    for (const [fileIndex, input] of inputs.entries()) {
      const name = input.name ?? input.path;
      const summary: FileSummary = { name, format: null, bytes: fs.statSync(input.path).size, records: 0, imported: 0, duplicates: 0, invalid: 0, attachments: 0 };
      summaries.push(summary);
      await importFile({
        path: input.path,
        summary,
        forced,
        maxRecordBytes: options.maxRecordBytes ?? defaultMaxRecordBytes,
        tokenizer: options.tokenizer,
        writer: new BatchWriter(client, batch.id),
        errors,
        report: (bytesDone) => options.onProgress?.({ file: name, fileIndex, files: inputs.length, bytesDone, bytesTotal: summary.bytes, summary }),
      });
    }
    const invalid = summaries.reduce((n, s) => n + s.invalid, 0);
    if (invalid > 0 && !options.skipInvalid) await client.query("ROLLBACK");
    else await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    console.error("[import] batch failed", error);
    failure = error instanceof Error ? error.message : String(error);
  } finally {
    client.release();
  }
  return finishBatch(batch.id, summaries, errors, failure, !!options.skipInvalid);
}

async function finishBatch(batchId: number, files: FileSummary[], errors: ImportErrors, failure: string | null, skipInvalid: boolean): Promise<ImportSummary> {
  const invalid = files.reduce((n, s) => n + s.invalid, 0);
  const committed = failure === null && (invalid === 0 || skipInvalid);
  // A rolled-back batch added nothing: its counts say what would have landed.
  const imported = committed ? files.reduce((n, s) => n + s.imported, 0) : 0;
  const duplicates = files.reduce((n, s) => n + s.duplicates, 0);
  const status = committed ? "committed" : "failed";
  if (!committed) for (const file of files) file.imported = 0;
  await prisma.importBatch.update({
    where: { id: batchId },
    data: {
      status,
      files,
      imported,
      duplicates,
      invalid,
      errors: { list: errors.list.map((e) => ({ ...e })), total: errors.total, failure },
      finishedAt: new Date(),
    },
  });
  return { batchId, status, files, imported, duplicates, invalid, errors: errors.list, errorCount: errors.total, failure };
}
