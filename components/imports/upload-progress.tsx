"use client";

import { ProgressBar } from "@/components/ui/progress-bar";
import { formatBytes } from "@/components/ui/format-bytes";
import { BatchStatusBadge } from "./batch-status-badge";
import { ErrorTable } from "./error-table";
import { fileProgress, type FileProgress } from "./file-progress";
import { batchErrors, type BatchDetail } from "./import-types";
import { useImportBatch } from "./use-import-batch";
import type { Upload } from "./use-upload";

const barTone = { Uploading: "active", "Upload failed": "failed", Importing: "active", Done: "done", "Not imported": "failed", Undone: "muted" } as const;

function uploadTitle(files: Upload["files"]): string {
  const names = files.slice(0, 3).map((file) => file.name);
  return files.length > 3 ? `${names.join(", ")} and ${files.length - 3} more` : names.join(", ");
}

/** One upload: a row per file through uploading and importing, then the batch's outcome. */
export function UploadProgress({ upload }: { upload: Upload }) {
  const { data: batch, error } = useImportBatch(upload.batchId);
  const rows = fileProgress(upload.files, upload.sent, batch, upload.error !== null);
  const headingId = `upload-${upload.key}`;
  return (
    <section aria-labelledby={headingId} className="space-y-3 rounded border border-stone-200 bg-white p-4">
      <header className="flex flex-wrap items-center gap-3">
        <h3 id={headingId} className="font-medium">
          {uploadTitle(upload.files)}
        </h3>
        {upload.batchId !== null && <span className="font-mono text-sm text-stone-500">Batch #{upload.batchId}</span>}
        {batch && <BatchStatusBadge status={batch.status} />}
      </header>
      <ul className="divide-y divide-stone-100">
        {rows.map((row, index) => (
          <FileRow key={index} row={row} fallbackFormat={upload.options.format} />
        ))}
      </ul>
      {upload.error && (
        <p role="alert" className="text-sm text-red-700">
          {upload.error}
        </p>
      )}
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error.message}
        </p>
      )}
      {batch && <BatchOutcome batch={batch} />}
    </section>
  );
}

function FileRow({ row, fallbackFormat }: { row: FileProgress; fallbackFormat: string | null }) {
  const format = row.summary?.format ?? (row.phase === "Uploading" || row.phase === "Importing" ? (fallbackFormat ?? "detecting…") : "unknown");
  return (
    <li className="grid grid-cols-1 gap-x-4 gap-y-1 py-2 text-sm md:grid-cols-[minmax(0,2fr)_minmax(0,3fr)_minmax(0,2fr)] md:items-center">
      <div className="min-w-0">
        <p className="truncate font-mono" title={row.name}>
          {row.name}
        </p>
        <p className="text-xs text-stone-500">{formatBytes(row.bytes)}</p>
      </div>
      <div className="space-y-1">
        <ProgressBar label={row.name} value={row.percent} tone={barTone[row.phase]} />
        <p className="text-xs text-stone-600">
          {row.phase}
          {(row.phase === "Uploading" || row.phase === "Importing") && ` · ${Math.round(row.percent)}%`}
        </p>
      </div>
      <div className="text-xs text-stone-600">
        <p>
          Format: <span className="font-medium text-stone-800">{format}</span>
        </p>
        <p className="tabular-nums">
          {row.summary ? `${row.summary.imported} imported · ${row.summary.duplicates} duplicates · ${row.summary.invalid} invalid` : "—"}
        </p>
      </div>
    </li>
  );
}

function BatchOutcome({ batch }: { batch: BatchDetail }) {
  const errors = batchErrors(batch);
  const totals = `${batch.imported} imported, ${batch.duplicates} duplicates, ${batch.invalid} invalid`;
  return (
    <div className="space-y-3">
      <p role="status" className="text-sm">
        {batch.status === "running" && "Importing…"}
        {batch.status === "committed" && <span className="text-green-800">Batch #{batch.id} committed: {totals}.</span>}
        {batch.status === "undone" && <span className="text-stone-700">Batch #{batch.id} was undone.</span>}
        {batch.status === "failed" && (
          <span className="font-medium text-red-800">
            Batch #{batch.id} rejected: nothing was imported.
            {batch.invalid > 0 && !errors?.failure && ` ${batch.invalid} invalid ${batch.invalid === 1 ? "record" : "records"}; fix them, or tick "Skip invalid records" to import the rest.`}
          </span>
        )}
      </p>
      {errors && (errors.total > 0 || errors.failure) && <ErrorTable errors={errors} />}
    </div>
  );
}
