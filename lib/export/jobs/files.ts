/**
 * Downloads of a finished export: only the files its manifest lists (so no path from the URL ever
 * reaches the file system unchecked), streamed from disk, never read whole.
 */
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { NotFoundError } from "@/lib/errors";
import { getExportJob } from "./read";

const contentTypes: Record<string, string> = {
  ".jsonl": "application/jsonl; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".parquet": "application/vnd.apache.parquet",
  ".md": "text/markdown; charset=utf-8",
};

export async function exportFileResponse(id: number, relativePath: string): Promise<Response> {
  const job = await getExportJob(id);
  const file = job.status === "done" ? job.summary?.files.find((f) => f.path === relativePath) : undefined;
  if (!file) throw new NotFoundError("Export file");
  const absolute = path.join(job.outDir, file.path);
  const stat = await fs.promises.stat(absolute).catch(() => null);
  if (!stat?.isFile()) throw new NotFoundError("Export file (it was moved or deleted from the export directory)");
  const stream = Readable.toWeb(fs.createReadStream(absolute)) as ReadableStream<Uint8Array>;
  return new Response(stream, {
    headers: {
      "content-type": contentTypes[path.extname(file.path)] ?? "application/octet-stream",
      "content-length": String(stat.size),
      "content-disposition": `attachment; filename="${path.basename(file.path)}"`,
      ...(file.sha256 ? { "x-content-sha256": file.sha256 } : {}),
    },
  });
}
