import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./embedded-postgres";

describe("embedded PostgreSQL shared by many connections", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "atelier-embedded-"));
  let server: EmbeddedPostgres;
  let pool: pg.Pool;

  beforeAll(async () => {
    server = await startEmbeddedPostgres({ dataDir: path.join(dir, "data") });
    pool = new pg.Pool({ connectionString: server.url, max: 6 });
  });

  afterAll(async () => {
    await pool.end();
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("keeps concurrent parameterized queries from different connections apart", async () => {
    // Different parameter counts: interleaved Parse/Bind messages would fail or mix results.
    const queries = Array.from({ length: 120 }, (_, i) =>
      i % 2 === 0
        ? pool.query<{ v: number }>("SELECT $1::int + $2::int AS v", [i, 1]).then((r) => r.rows[0].v === i + 1)
        : pool.query<{ v: string }>("SELECT $1::text || $2::text || $3::text AS v", ["a", String(i), "b"]).then((r) => r.rows[0].v === `a${i}b`),
    );
    expect((await Promise.all(queries)).every(Boolean)).toBe(true);
  });

  it("gives a transaction the backend until it ends, and rolls back a dropped one", async () => {
    await pool.query("CREATE TABLE IF NOT EXISTS t (v int)");
    const a = await pool.connect();
    await a.query("BEGIN");
    await a.query("INSERT INTO t VALUES ($1)", [1]);
    const outside = pool.query<{ n: string }>("SELECT count(*) AS n FROM t");
    await a.query("INSERT INTO t VALUES ($1)", [2]);
    await a.query("COMMIT");
    a.release();
    expect((await outside).rows[0].n).toBe("2");

    const b = new pg.Client({ connectionString: server.url });
    await b.connect();
    await b.query("BEGIN");
    await b.query("INSERT INTO t VALUES (3)");
    await b.end();
    expect((await pool.query<{ n: string }>("SELECT count(*) AS n FROM t")).rows[0].n).toBe("2");
  });

  it("keeps data across a restart", async () => {
    await pool.query("CREATE TABLE IF NOT EXISTS kept (v text)");
    await pool.query("INSERT INTO kept VALUES ($1)", ["still here"]);
    await pool.end();
    await server.stop();
    server = await startEmbeddedPostgres({ dataDir: path.join(dir, "data") });
    pool = new pg.Pool({ connectionString: server.url, max: 2 });
    expect((await pool.query("SELECT v FROM kept")).rows).toEqual([{ v: "still here" }]);
  });
});
