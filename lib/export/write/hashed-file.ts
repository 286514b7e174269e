/**
 * A file written as a stream, hashed (sha256) and counted as the bytes go out, so a shard's
 * checksum never needs a second read. Writes wait for `drain`, so a slow disk slows the export
 * instead of filling memory.
 *
 * Text (JSONL records) is encoded straight into 1 MB chunks that go out when full and are reused
 * once written: a Buffer per record cost a copy of every record and kept the garbage collector
 * busy with hundreds of megabytes of short-lived buffers.
 *
 * Every 32 MB written, an fdatasync starts in the background: the disk writes while the export
 * renders, instead of the whole shard waiting in the page cache for the fsync at close (which
 * stalled the export ~0.1 s per 256 MB shard). Durability still rests on that final fsync.
 */
import { createHash } from "node:crypto";
import { once } from "node:events";
import fs from "node:fs";
import { finished } from "node:stream/promises";

export type ClosedFile = { bytes: number; sha256: string };

const chunkBytes = 1 << 20;
const defaultSyncEveryBytes = 32 << 20;

export class HashedFile {
  private readonly hash = createHash("sha256");
  bytes = 0;
  /** Text waiting to go out, and written chunks ready for reuse. */
  private chunk: Buffer | null = null;
  private used = 0;
  private readonly spare: Buffer[] = [];
  private unsynced = 0;
  /** The background fdatasync in flight, if any (the fd must stay open until it is done). */
  private syncing: Promise<void> | null = null;

  private constructor(
    readonly path: string,
    private readonly stream: fs.WriteStream,
    private readonly fd: number,
    private readonly syncEveryBytes: number,
  ) {}

  /** Creates (or truncates: a shard left half-written by an interrupted run) the file. */
  static async create(path: string, { syncEveryBytes = defaultSyncEveryBytes } = {}): Promise<HashedFile> {
    // flush: fsync before close, since a checkpoint may name this file as finished next.
    const stream = fs.createWriteStream(path, { flags: "w", flush: true, highWaterMark: chunkBytes });
    const [fd] = (await once(stream, "open")) as [number];
    return new HashedFile(path, stream, fd, syncEveryBytes);
  }

  /** Resolves at once unless the stream's buffer is full; then when it has drained. */
  write(chunk: Uint8Array): Promise<void> | void {
    const pending = this.flushText();
    this.bytes += chunk.byteLength;
    return this.send(chunk, null) ?? pending;
  }

  /** Appends `text` as UTF-8; like `write`, waits only when the stream's buffer is full. */
  writeText(text: string): Promise<void> | void {
    const room = chunkBytes - this.used;
    // At most 3 bytes per UTF-16 unit; measure only when that bound does not settle it.
    const length = text.length * 3 <= room ? -1 : Buffer.byteLength(text);
    if (length > room) {
      const pending = this.flushText();
      if (length > chunkBytes) {
        this.bytes += length;
        return this.send(Buffer.from(text, "utf8"), null) ?? pending;
      }
      this.writeIntoChunk(text);
      return pending;
    }
    this.writeIntoChunk(text);
  }

  /** Flushes, syncs to disk and closes. */
  async close(): Promise<ClosedFile> {
    await this.flushText();
    await this.syncing;
    this.stream.end();
    await finished(this.stream);
    return { bytes: this.bytes, sha256: this.hash.digest("hex") };
  }

  /** Abandons the file (cancel or error): the next run rewrites it from the start. */
  async discard(): Promise<void> {
    await this.syncing;
    this.stream.destroy();
    await finished(this.stream).catch(() => undefined);
    await fs.promises.rm(this.path, { force: true });
  }

  private writeIntoChunk(text: string): void {
    this.chunk ??= this.spare.pop() ?? Buffer.allocUnsafeSlow(chunkBytes);
    const written = this.chunk.write(text, this.used, "utf8");
    this.used += written;
    this.bytes += written;
  }

  private flushText(): Promise<void> | void {
    if (!this.chunk || this.used === 0) return;
    const chunk = this.chunk;
    const filled = chunk.subarray(0, this.used);
    this.chunk = null;
    this.used = 0;
    return this.send(filled, chunk);
  }

  /** Hashes and writes; `reusable` goes back to the spare chunks once the stream is done with it. */
  private send(bytes: Uint8Array, reusable: Buffer | null): Promise<void> | undefined {
    this.hash.update(bytes);
    const isBelowLimit = this.stream.write(bytes, (error) => {
      if (reusable) this.spare.push(reusable);
      if (!error) this.written(bytes.byteLength);
    });
    return isBelowLimit ? undefined : once(this.stream, "drain").then(() => undefined);
  }

  /** Bytes that reached the file; past syncEveryBytes, starts a background fdatasync. */
  private written(bytes: number): void {
    this.unsynced += bytes;
    if (this.unsynced < this.syncEveryBytes || this.syncing) return;
    this.unsynced = 0;
    // A failure here is the final fsync's to report.
    this.syncing = new Promise((resolve) =>
      fs.fdatasync(this.fd, () => {
        this.syncing = null;
        resolve();
      }),
    );
  }
}
