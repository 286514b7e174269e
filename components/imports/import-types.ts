/** The Imports API's JSON, typed from the lib functions that produce it (dates arrive as strings). */
import type { ImportBatchDetail, ImportBatchSummary } from "@/lib/ingest/batches";
import type { ImportError } from "@/lib/ingest/import-errors";
import type { FileSummary } from "@/lib/ingest/import-files";

type Json<T> = Omit<T, "startedAt" | "finishedAt" | "undoneAt" | "files"> & {
  startedAt: string;
  finishedAt: string | null;
  undoneAt: string | null;
  /** While the batch runs, the files read so far, with how many of their bytes are done. */
  files: (FileSummary & { bytesDone?: number })[];
};

export type BatchStatus = ImportBatchSummary["status"];

export type BatchErrors = { list: ImportError[]; total: number; failure: string | null };

export type BatchListItem = Json<ImportBatchSummary>;

/** `errors` is `[]` until the batch finishes, then the report. */
export type BatchDetail = Omit<Json<ImportBatchDetail>, "errors" | "options"> & { errors: BatchErrors | [] };

export function batchErrors(batch: BatchDetail): BatchErrors | null {
  return Array.isArray(batch.errors) ? null : batch.errors;
}
