/**
 * The single database access point (server-only): one pg pool, shared by the Prisma client and
 * the few raw-SQL paths that Prisma cannot do well (bulk import, facets, full-text). The same code
 * runs against a real PostgreSQL server and the embedded PGlite server. Created on first use, so
 * that importing this module (e.g. during `next build`) needs no database.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

type Db = { pool: pg.Pool; prisma: PrismaClient };

const globalForDb = globalThis as unknown as { atelierDb?: Db };

function db(): Db {
  if (!globalForDb.atelierDb) {
    const pool = new pg.Pool({ connectionString: env().DATABASE_URL, max: 10 });
    // An idle client's error (server restart) must not crash the process; the pool replaces it.
    pool.on("error", (error) => console.error("[db] idle client error", error.message));
    globalForDb.atelierDb = { pool, prisma: new PrismaClient({ adapter: new PrismaPg(pool) }) };
  }
  return globalForDb.atelierDb;
}

function lazy<T extends object>(get: () => T): T {
  return new Proxy({} as T, {
    get(_target, property) {
      const target = get();
      const value = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

export const prisma: PrismaClient = lazy(() => db().prisma);
export const pool: pg.Pool = lazy(() => db().pool);

/** Closes the pool (CLI and tests; the server keeps it for its lifetime). */
export async function disconnect(): Promise<void> {
  const current = globalForDb.atelierDb;
  if (!current) return;
  globalForDb.atelierDb = undefined;
  await current.prisma.$disconnect();
  await current.pool.end().catch(() => undefined);
}
