/**
 * One transaction on one pooled pg client: BEGIN, run, COMMIT, or ROLLBACK on any error. Changes
 * that are audited run inside it, so the change and its audit event land together or not at all.
 */
import type pg from "pg";
import { pool } from "@/lib/db";

export async function withTransaction<T>(run: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const result = await run(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
