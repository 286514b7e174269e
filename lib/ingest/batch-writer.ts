/**
 * Buffers parsed episodes and side-file records and writes them in bulk. One write may be in
 * flight while the next chunk is being parsed, so the CPU-bound parsing and the database's own
 * work overlap; at most two chunks are ever held in memory.
 */
import type { PoolClient } from "pg";
import type { Attachment } from "@/lib/formats/format-module";
import { applyAttachmentsTo, insertAttachments } from "./attachments";
import type { EpisodeRows } from "./to-rows";
import { insertContents, insertEpisodes, insertSteps } from "./write-rows";

const flushEpisodes = 500;
const flushBytes = 16 * 1024 * 1024;

export type WriteCounts = { imported: number; duplicates: number; attachments: number };

type Chunk = { rows: EpisodeRows[]; attachments: { attachment: Attachment }[]; bytes: number };

export class BatchWriter {
  private chunk: Chunk = { rows: [], attachments: [], bytes: 0 };
  private inFlight: Promise<void> = Promise.resolve();

  constructor(
    private readonly client: PoolClient,
    private readonly batchId: number,
  ) {}

  addEpisode(rows: EpisodeRows, bytes: number): void {
    this.chunk.rows.push(rows);
    this.chunk.bytes += bytes;
  }

  addAttachment(attachment: Attachment, bytes: number): void {
    this.chunk.attachments.push({ attachment });
    this.chunk.bytes += bytes;
  }

  get isFull(): boolean {
    return this.chunk.rows.length >= flushEpisodes || this.chunk.bytes >= flushBytes;
  }

  /** Starts writing the buffered chunk once the previous write is done; `counted` gets its counts. */
  async flush(counted: (counts: WriteCounts) => void): Promise<void> {
    const chunk = this.chunk;
    this.chunk = { rows: [], attachments: [], bytes: 0 };
    await this.inFlight;
    this.inFlight = this.write(chunk).then(counted);
    // A failed write must surface at the next await, not as an unhandled rejection.
    this.inFlight.catch(() => undefined);
  }

  /** Writes what is left and waits for every write. */
  async drain(counted: (counts: WriteCounts) => void): Promise<void> {
    await this.flush(counted);
    await this.inFlight;
  }

  private async write(chunk: Chunk): Promise<WriteCounts> {
    const ids = await insertEpisodes(this.client, this.batchId, chunk.rows);
    const inserted = ids.flatMap((id, i) => (id === null ? [] : [{ id, row: chunk.rows[i] }]));
    await insertContents(this.client, inserted);
    await insertSteps(this.client, inserted);
    const attachments = await insertAttachments(this.client, this.batchId, chunk.attachments);
    const instanceIds = new Set<string>();
    for (const { row } of inserted) if (row.instanceId) instanceIds.add(row.instanceId);
    for (const { attachment } of chunk.attachments) instanceIds.add(attachment.instanceId);
    await applyAttachmentsTo(this.client, [...instanceIds]);
    return {
      imported: inserted.length,
      duplicates: ids.length - inserted.length + chunk.attachments.length - attachments,
      attachments,
    };
  }
}
