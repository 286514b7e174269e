/**
 * The one import path (CLI, REST and the Imports page all call `importFiles`): stream each file's
 * records, detect the format, parse, compute quality signals, and bulk-write everything inside one
 * transaction, so a batch lands whole or not at all. Re-imported content is counted, not added.
 */
import fs from "node:fs";
import path from "node:path";
import { pool, prisma } from "@/lib/db";
import { formatModules, getFormat } from "@/lib/formats";
import { detectFormat } from "@/lib/formats/detect";
import { RecordError, type FormatModule } from "@/lib/formats/format-module";
import { computeQuality, type TokenCounter } from "@/lib/quality";
import { FileError, openRecordFile } from "./read-file";
import { toRows } from "./to-rows";
import { BatchWriter, type WriteCounts } from "./batch-writer";
import { ImportErrors, type ImportError } from "./import-errors";

export type ImportInput = { path: string; name?: string };

export type FileSummary = {
  name: string;
  format: string | null;
  bytes: number;
  records: number;
  imported: number;
  duplicates: number;
  invalid: number;
  attachments: number;
};

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
      const writer = new BatchWriter(client, batch.id);
      const report = (bytesDone: number) =>
        options.onProgress?.({ file: name, fileIndex, files: inputs.length, bytesDone, bytesTotal: summary.bytes, summary });
      const counted = (counts: WriteCounts) => {
        summary.imported += counts.imported;
        summary.duplicates += counts.duplicates;
        summary.attachments += counts.attachments;
      };

      let opened;
      try {
        opened = await openRecordFile(input.path, options.maxRecordBytes ?? defaultMaxRecordBytes);
      } catch (error) {
        if (!(error instanceof FileError)) throw error;
        summary.invalid += 1;
        errors.add({ file: name, line: error.line, field: null, reason: error.message });
        continue;
      }
      const detection = forced
        ? { module: forced, container: bestContainer(forced, opened.candidates, name) }
        : detectFormat(formatModules, opened.candidates, path.basename(name));
      if (!detection) {
        summary.invalid += 1;
        errors.add({ file: name, line: null, field: null, reason: `unknown format (${describeSample(opened.candidates[0]?.sample)}); pass --format with one of: ${formatModules.map((m) => m.name).join(", ")}` });
        continue;
      }
      summary.format = detection.module.name;
      let bytesDone = 0;
      try {
        for await (const record of opened.records(detection.container)) {
          summary.records += 1;
          if ("error" in record) {
            summary.invalid += 1;
            errors.add({ file: name, line: record.line, field: null, reason: record.error });
            continue;
          }
          bytesDone += record.text.length + 1;
          const parsed = parseOne(detection.module, record.value, name, record.location);
          if ("error" in parsed) {
            summary.invalid += 1;
            errors.add({ file: name, line: record.line, field: parsed.field, reason: parsed.error });
            continue;
          }
          if (parsed.type === "episodes") {
            for (const episode of parsed.episodes) {
              const quality = computeQuality(episode, { tokenizer: options.tokenizer });
              const provenance = { sourceFile: name, sourceLocation: record.location, rawText: record.text };
              writer.addEpisode(toRows(episode, provenance, quality), record.text.length);
            }
          } else {
            for (const attachment of parsed.attachments) writer.addAttachment(attachment, record.text.length);
          }
          if (writer.isFull) {
            const done = Math.min(bytesDone, summary.bytes);
            await writer.flush((counts) => {
              counted(counts);
              report(done);
            });
          }
        }
      } catch (error) {
        if (!(error instanceof FileError)) throw error;
        summary.invalid += 1;
        errors.add({ file: name, line: error.line, field: null, reason: error.message });
      }
      await writer.drain(counted);
      report(summary.bytes);
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

function parseOne(module: FormatModule, value: unknown, fileName: string, location: number) {
  try {
    return module.parse(value, { fileName, location });
  } catch (error) {
    if (error instanceof RecordError) return { error: error.reason, field: error.field };
    // A parser bug must not lose the batch's other records' errors: report it on this record.
    return { error: `could not be parsed (${error instanceof Error ? error.message : String(error)})`, field: null };
  }
}

function bestContainer(module: FormatModule, candidates: { container: "jsonl" | "json-array" | "document"; sample: unknown }[], fileName: string) {
  let best = candidates[0];
  let bestScore = -1;
  for (const candidate of candidates) {
    const score = module.detect(candidate.sample, { fileName, container: candidate.container });
    if (score > bestScore) [best, bestScore] = [candidate, score];
  }
  return best.container;
}

function describeSample(sample: unknown): string {
  if (sample && typeof sample === "object" && !Array.isArray(sample)) {
    const keys = Object.keys(sample).slice(0, 8);
    return `first record has keys: ${keys.join(", ") || "none"}`;
  }
  return `first record is ${Array.isArray(sample) ? "an array" : typeof sample}`;
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
