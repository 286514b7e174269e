/**
 * Embedded PostgreSQL for a laptop with no server: PGlite (Postgres compiled to WASM) served over
 * the wire protocol, so Prisma and `pg` connect to it exactly as to a real server.
 */
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { btree_gin } from "@electric-sql/pglite/contrib/btree_gin";
import { EmbeddedSocketServer } from "./embedded-socket-server";

export type EmbeddedPostgres = {
  url: string;
  port: number;
  stop(): Promise<void>;
};

/** Starts PGlite on `dataDir` (created if missing) and listens on `port` (0 = any free port). */
export async function startEmbeddedPostgres(options: { dataDir: string; port?: number }): Promise<EmbeddedPostgres> {
  fs.mkdirSync(path.dirname(options.dataDir), { recursive: true });
  const db = await PGlite.create({ dataDir: options.dataDir, extensions: { pg_trgm, btree_gin } });
  const server = new EmbeddedSocketServer(db);
  const port = await server.listen(options.port ?? 0, "127.0.0.1");
  let stopped = false;
  return {
    port,
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.close();
      // close() checkpoints and flushes the data directory, so nothing written is lost.
      await db.close();
    },
  };
}
