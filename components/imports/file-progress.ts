/** One row per uploaded file: where it is (sending, importing, finished) and what it found. */
import type { FileSummary } from "@/lib/ingest/import-files";
import type { BatchDetail } from "./import-types";

export type FilePhase = "Uploading" | "Upload failed" | "Importing" | "Done" | "Not imported" | "Undone";

export type FileProgress = {
  name: string;
  bytes: number;
  phase: FilePhase;
  percent: number;
  summary: FileSummary | null;
};

const finishedPhase = { committed: "Done", failed: "Not imported", undone: "Undone" } as const;

type UploadedFile = { name: string; bytes: number };

export function fileProgress(files: readonly UploadedFile[], sent: readonly number[], batch: BatchDetail | undefined, uploadFailed: boolean): FileProgress[] {
  const summaries = matchSummaries(files, batch?.files ?? []);
  return files.map((file, index) => {
    const summary = summaries[index];
    const base = { name: file.name, bytes: file.bytes, summary };
    if (uploadFailed) return { ...base, phase: "Upload failed", percent: 100 * sent[index] };
    if (!batch) return { ...base, phase: "Uploading", percent: 100 * sent[index] };
    if (batch.status !== "running") return { ...base, phase: finishedPhase[batch.status], percent: 100 };
    // Nothing lands before the batch commits, so a file fully read is still "Importing".
    const done = summary && summary.bytes > 0 ? (summary.bytesDone ?? 0) / summary.bytes : 0;
    return { ...base, phase: "Importing", percent: 100 * Math.min(1, done) };
  });
}

/**
 * The server lists files as it reaches them (a file it could not open is missing until the end),
 * so match by name, in order, rather than by position.
 */
function matchSummaries(files: readonly UploadedFile[], summaries: BatchDetail["files"]) {
  const unused = [...summaries];
  return files.map((file) => {
    const at = unused.findIndex((summary) => summary.name === file.name.slice(0, 200));
    if (at === -1) return null;
    const [summary] = unused.splice(at, 1);
    return summary;
  });
}
