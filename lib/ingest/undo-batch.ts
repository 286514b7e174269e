/** Undo an import: delete the batch's episodes (steps and contents cascade) and side-file records. */
import { pool } from "@/lib/db";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { applyAttachmentsTo } from "./attachments";

export async function undoImportBatch(batchId: number): Promise<{ episodes: number; attachments: number }> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const batch = await client.query<{ status: string }>(`SELECT status FROM import_batches WHERE id = $1 FOR UPDATE`, [batchId]);
    if (batch.rows.length === 0) throw new NotFoundError("Import batch");
    if (batch.rows[0].status !== "committed") throw new ConflictError(`Only a committed batch can be undone; this one is ${batch.rows[0].status}.`);
    const instances = await client.query<{ instance_id: string }>(
      `SELECT DISTINCT instance_id FROM attachments WHERE import_batch_id = $1`,
      [batchId],
    );
    const episodes = await client.query(`DELETE FROM episodes WHERE import_batch_id = $1`, [batchId]);
    const attachments = await client.query(`DELETE FROM attachments WHERE import_batch_id = $1`, [batchId]);
    // Other batches' episodes lose what this batch's side files had told them.
    await applyAttachmentsTo(client, instances.rows.map((r) => r.instance_id));
    await client.query(`UPDATE import_batches SET status = 'undone', undone_at = now() WHERE id = $1`, [batchId]);
    await client.query("COMMIT");
    return { episodes: episodes.rowCount ?? 0, attachments: attachments.rowCount ?? 0 };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
