/**
 * A file written as a stream, hashed (sha256) and counted as the bytes go out, so a shard's
 * checksum never needs a second read. Writes wait for `drain`, so a slow disk slows the export
 * instead of filling memory.
 */
import { createHash } from "node:crypto";
import { once } from "node:events";
import fs from "node:fs";
import { finished } from "node:stream/promises";

export type ClosedFile = { bytes: number; sha256: string };

export class HashedFile {
  private readonly hash = createHash("sha256");
  bytes = 0;

  private constructor(
    readonly path: string,
    private readonly stream: fs.WriteStream,
  ) {}

  /** Creates (or truncates: a shard left half-written by an interrupted run) the file. */
  static async create(path: string): Promise<HashedFile> {
    // flush: fsync before close, since a checkpoint may name this file as finished next.
    const stream = fs.createWriteStream(path, { flags: "w", flush: true, highWaterMark: 1 << 20 });
    await once(stream, "open");
    return new HashedFile(path, stream);
  }

  /** Resolves at once unless the stream's buffer is full; then when it has drained. */
  write(chunk: Uint8Array): Promise<void> | void {
    this.hash.update(chunk);
    this.bytes += chunk.byteLength;
    if (!this.stream.write(chunk)) return once(this.stream, "drain").then(() => undefined);
  }

  /** Flushes, syncs to disk and closes. */
  async close(): Promise<ClosedFile> {
    this.stream.end();
    await finished(this.stream);
    return { bytes: this.bytes, sha256: this.hash.digest("hex") };
  }

  /** Abandons the file (cancel or error): the next run rewrites it from the start. */
  async discard(): Promise<void> {
    this.stream.destroy();
    await finished(this.stream).catch(() => undefined);
    await fs.promises.rm(this.path, { force: true });
  }
}
