/**
 * A throwaway, migrated database for one test run: a fresh database on the server named by
 * TEST_DATABASE_URL when given, else a fresh embedded PGlite in a temporary folder.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "@/lib/embedded-postgres";
import { applyMigrations } from "@/lib/migrate";

export type TestDatabase = { url: string; kind: "server" | "embedded"; drop(): Promise<void> };

async function onServer(serverUrl: string): Promise<TestDatabase> {
  const name = `atelier_test_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    kind: "server",
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

async function embedded(): Promise<TestDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "atelier-test-pglite-"));
  const server = await startEmbeddedPostgres({ dataDir: path.join(dir, "data") });
  return {
    url: server.url,
    kind: "embedded",
    async drop() {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const database = process.env.TEST_DATABASE_URL ? await onServer(process.env.TEST_DATABASE_URL) : await embedded();
  try {
    await applyMigrations(database.url);
  } catch (error) {
    await database.drop();
    throw error;
  }
  return database;
}
