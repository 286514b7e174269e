import path from "node:path";
import { z } from "zod";
import { importFiles } from "@/lib/ingest/import-files";
import { expandPaths } from "@/lib/ingest/expand-paths";
import { formatImportError } from "@/lib/ingest/import-errors";
import { configuredTokenizer } from "@/lib/ingest/tokenizer-config";
import { createProgressBar } from "./progress-bar";

const importOptionsSchema = z.object({
  format: z.string().optional(),
  skipInvalid: z.boolean().optional(),
  json: z.boolean().optional(),
  tokenizer: z.string().optional(),
  maxRecordMb: z.coerce.number().positive().optional(),
});

const maxPrintedErrors = 50;

/** Exit code 0 only when nothing was rejected. */
export async function importCommand(paths: string[], rawOptions: unknown): Promise<number> {
  const options = importOptionsSchema.parse(rawOptions);
  const files = expandPaths(paths);
  const bar = createProgressBar();
  const cwd = process.cwd();
  const summary = await importFiles(
    files.map((file) => ({ path: file, name: path.relative(cwd, file) || file })),
    {
      source: "cli",
      format: options.format,
      skipInvalid: options.skipInvalid,
      maxRecordBytes: options.maxRecordMb ? Math.round(options.maxRecordMb * 1024 * 1024) : undefined,
      tokenizer: configuredTokenizer(options.tokenizer),
      onProgress: (p) =>
        bar.update(`[${p.fileIndex + 1}/${p.files}] ${p.file}`, p.bytesDone, p.bytesTotal, `${p.summary.imported} imported`),
    },
  );
  bar.done();
  if (options.json) {
    console.log(JSON.stringify({ ...summary, errors: summary.errors.map(formatImportError) }, null, 2));
  } else {
    for (const file of summary.files) {
      console.log(
        `${file.name}  [${file.format ?? "unknown format"}]  imported ${file.imported}  duplicates ${file.duplicates}  invalid ${file.invalid}` +
          (file.attachments ? `  side-file records ${file.attachments}` : ""),
      );
    }
    for (const error of summary.errors.slice(0, maxPrintedErrors)) console.error(formatImportError(error));
    if (summary.errorCount > maxPrintedErrors) console.error(`… and ${summary.errorCount - maxPrintedErrors} more errors (see batch ${summary.batchId}).`);
    if (summary.failure) console.error(`Import failed: ${summary.failure}`);
    console.log(
      summary.status === "committed"
        ? `Batch ${summary.batchId}: imported ${summary.imported} episodes, ${summary.duplicates} duplicates, ${summary.invalid} invalid${summary.invalid ? " (skipped)" : ""}.`
        : `Batch ${summary.batchId} rejected: nothing was imported. ${summary.invalid} invalid record(s)${summary.invalid ? "; fix them or pass --skip-invalid" : ""}.`,
    );
  }
  return summary.status === "committed" && summary.invalid === 0 ? 0 : 1;
}
