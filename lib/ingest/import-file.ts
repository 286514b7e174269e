/**
 * One file of an import batch: open and sniff it, detect its format, then parse each record,
 * compute its quality signals and hand the rows to the batch writer, which writes in bulk while
 * the next records are parsed. Every bad record becomes a `file:line: field: reason` error.
 */
import path from "node:path";
import { formatModules } from "@/lib/formats";
import { detectFormat, type DetectionCandidate } from "@/lib/formats/detect";
import { RecordError, type Container, type FormatModule, type ParsedRecord } from "@/lib/formats/format-module";
import { computeQuality, type TokenCounter } from "@/lib/quality";
import type { BatchWriter, WriteCounts } from "./batch-writer";
import type { ImportErrors } from "./import-errors";
import { FileError, openRecordFile } from "./read-file";
import { toRows } from "./to-rows";

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

export type FileContext = {
  path: string;
  summary: FileSummary;
  forced: FormatModule | null;
  maxRecordBytes: number;
  tokenizer?: TokenCounter;
  writer: BatchWriter;
  errors: ImportErrors;
  report(bytesDone: number): void;
};

export async function importFile(ctx: FileContext): Promise<void> {
  const { summary, writer } = ctx;
  const fail = (line: number | null, field: string | null, reason: string) => {
    summary.invalid += 1;
    ctx.errors.add({ file: summary.name, line, field, reason });
  };
  const counted = (counts: WriteCounts) => {
    summary.imported += counts.imported;
    summary.duplicates += counts.duplicates;
    summary.attachments += counts.attachments;
  };

  let opened;
  try {
    opened = await openRecordFile(ctx.path, ctx.maxRecordBytes);
  } catch (error) {
    if (!(error instanceof FileError)) throw error;
    return fail(error.line, null, error.message);
  }
  const detection = ctx.forced
    ? { module: ctx.forced, container: bestContainer(ctx.forced, opened.candidates, summary.name) }
    : detectFormat(formatModules, opened.candidates, path.basename(summary.name));
  if (!detection) {
    const known = formatModules.map((m) => m.name).join(", ");
    return fail(null, null, `unknown format (${describeSample(opened.candidates[0]?.sample)}); pass --format with one of: ${known}`);
  }
  summary.format = detection.module.name;

  let bytesDone = 0;
  try {
    for await (const record of opened.records(detection.container)) {
      summary.records += 1;
      if ("error" in record) {
        fail(record.line, null, record.error);
        continue;
      }
      bytesDone += record.text.length + 1;
      const parsed = parseRecord(detection.module, record.value, summary.name, record.location);
      if ("error" in parsed) {
        fail(record.line, parsed.field, parsed.error);
        continue;
      }
      if (parsed.type === "episodes") {
        for (const episode of parsed.episodes) {
          const quality = computeQuality(episode, { tokenizer: ctx.tokenizer });
          const provenance = { sourceFile: summary.name, sourceLocation: record.location, rawText: record.text };
          writer.addEpisode(toRows(episode, provenance, quality), record.text.length);
        }
      } else {
        for (const attachment of parsed.attachments) writer.addAttachment(attachment, record.text.length);
      }
      if (writer.isFull) {
        const done = Math.min(bytesDone, summary.bytes);
        await writer.flush((counts) => {
          counted(counts);
          ctx.report(done);
        });
      }
    }
  } catch (error) {
    if (!(error instanceof FileError)) throw error;
    fail(error.line, null, error.message);
  }
  await writer.drain(counted);
  ctx.report(summary.bytes);
}

function parseRecord(module: FormatModule, value: unknown, fileName: string, location: number): ParsedRecord | { error: string; field: string | null } {
  try {
    return module.parse(value, { fileName, location });
  } catch (error) {
    if (error instanceof RecordError) return { error: error.reason, field: error.field };
    // A parser bug must not hide the batch's other errors: report it on this record.
    return { error: `could not be parsed (${error instanceof Error ? error.message : String(error)})`, field: null };
  }
}

function bestContainer(module: FormatModule, candidates: DetectionCandidate[], fileName: string): Container {
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
