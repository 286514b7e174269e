/**
 * Streams an HTTP upload to a temporary folder without buffering it: multipart/form-data with any
 * number of files, or a raw body (one file, named by ?filename=). Returns the files to import.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import busboy from "busboy";
import { InvalidInputError } from "@/lib/errors";
import type { ImportInput } from "./import-files";

export class UploadError extends InvalidInputError {}

/** Keeps the user's file name for reports, but never lets it choose where we write. */
function safeName(name: string, index: number): string {
  const base = path.basename(name).replace(/[^\w.@+-]/g, "_").slice(0, 120) || "upload";
  return `${String(index).padStart(3, "0")}-${base}`;
}

/** The name reports show: as the client sent it (browsers send no folders), capped in length. */
function displayName(name: string): string {
  return name.slice(0, 200);
}

export async function receiveUpload(request: Request, fallbackName: string): Promise<{ dir: string; files: ImportInput[] }> {
  if (!request.body) throw new UploadError("The request has no body: send files as multipart/form-data or a raw body.");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "atelier-upload-"));
  try {
    const body = Readable.fromWeb(request.body as unknown as WebReadableStream);
    const contentType = request.headers.get("content-type") ?? "";
    const files = contentType.startsWith("multipart/form-data")
      ? await receiveMultipart(body, contentType, dir)
      : await receiveRaw(body, fallbackName, dir);
    if (files.length === 0) throw new UploadError("No files in the upload.");
    return { dir, files };
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

async function receiveRaw(body: Readable, name: string, dir: string): Promise<ImportInput[]> {
  const target = path.join(dir, safeName(name, 0));
  await pipeline(body, fs.createWriteStream(target));
  return [{ path: target, name: displayName(name) }];
}

function receiveMultipart(body: Readable, contentType: string, dir: string): Promise<ImportInput[]> {
  return new Promise((resolve, reject) => {
    const files: ImportInput[] = [];
    const writes: Promise<void>[] = [];
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: { "content-type": contentType } });
    } catch (error) {
      reject(new UploadError(`Malformed multipart upload: ${(error as Error).message}`));
      return;
    }
    parser.on("file", (_field, stream, info) => {
      const name = info.filename || "upload";
      const target = path.join(dir, safeName(name, files.length));
      files.push({ path: target, name: displayName(name) });
      writes.push(pipeline(stream, fs.createWriteStream(target)));
    });
    parser.on("error", (error) => reject(new UploadError(`Malformed multipart upload: ${(error as Error).message}`)));
    parser.on("close", () => Promise.all(writes).then(() => resolve(files), reject));
    body.on("error", reject);
    body.pipe(parser);
  });
}
