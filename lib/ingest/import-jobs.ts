/**
 * Imports started over HTTP run in the background of the server process: the request returns
 * the batch id at once, progress is written to the batch row (so any process can poll it), and
 * the uploaded files are deleted when the import ends.
 */
import fs from "node:fs";
import { prisma } from "@/lib/db";
import { configuredTokenizer } from "./tokenizer-config";
import { importFiles, type FileSummary, type ImportInput, type ImportOptions } from "./import-files";
import { isAlive } from "@/lib/runtime/is-alive";

const progressIntervalMs = 500;

export type JobOptions = Pick<ImportOptions, "format" | "skipInvalid" | "source" | "createdById">;

/** Resolves with the batch id as soon as the batch exists; the import continues afterwards. */
export function startImportJob(inputs: ImportInput[], options: JobOptions, cleanupDir: string | null): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    let batchId: number | null = null;
    let lastWrite = 0;
    const files = new Map<number, FileSummary & { bytesDone: number }>();
    const writeProgress = () => {
      if (batchId === null) return;
      const snapshot = [...files.values()];
      void prisma.importBatch
        .updateMany({ where: { id: batchId, status: "running" }, data: { files: snapshot } })
        .catch((error) => console.error("[import] progress update failed", error));
    };
    importFiles(inputs, {
      ...options,
      tokenizer: configuredTokenizer(),
      onBatchCreated: (id) => {
        batchId = id;
        resolve(id);
      },
      onProgress: (progress) => {
        files.set(progress.fileIndex, { ...progress.summary, bytesDone: progress.bytesDone });
        const now = Date.now();
        if (now - lastWrite >= progressIntervalMs) {
          lastWrite = now;
          writeProgress();
        }
      },
    })
      .catch((error) => {
        console.error("[import] job failed", error);
        if (batchId === null) reject(error);
      })
      .finally(() => {
        if (cleanupDir) fs.rmSync(cleanupDir, { recursive: true, force: true });
      });
  });
}

/**
 * Batches left "running" by a process that no longer exists were rolled back by the database
 * when their connection closed; say so instead of showing them as running forever.
 */
export async function markInterruptedBatches(): Promise<number> {
  const running = await prisma.importBatch.findMany({ where: { status: "running" }, select: { id: true, options: true } });
  const dead = running.filter((batch) => {
    const pid = (batch.options as { pid?: unknown } | null)?.pid;
    return typeof pid === "number" && pid !== process.pid && !isAlive(pid);
  });
  if (dead.length === 0) return 0;
  await prisma.importBatch.updateMany({
    where: { id: { in: dead.map((b) => b.id) } },
    data: { status: "failed", finishedAt: new Date(), errors: { list: [], total: 0, failure: "interrupted: the importing process stopped before the batch committed; nothing was imported" } },
  });
  return dead.length;
}
