/** What /api/health reports: can we reach the database, are migrations applied, how much data. */
import { prisma } from "@/lib/db";
import { committedMigrations } from "@/lib/migrate";

export type Health = {
  status: "ok" | "degraded" | "down";
  database: { reachable: boolean; latencyMs: number | null; error?: string };
  migrations: { applied: string[]; pending: string[] };
  episodes: number | null;
};

export async function checkHealth(): Promise<Health> {
  const started = performance.now();
  try {
    const rows = await prisma.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM _prisma_migrations
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`;
    const latencyMs = Math.round(performance.now() - started);
    const applied = rows.map((r) => r.migration_name);
    const pending = committedMigrations().filter((name) => !applied.includes(name));
    const episodes = await prisma.episode.count();
    return {
      status: pending.length === 0 ? "ok" : "degraded",
      database: { reachable: true, latencyMs },
      migrations: { applied, pending },
      episodes,
    };
  } catch (error) {
    console.error("[health] database check failed", error);
    return {
      status: "down",
      database: { reachable: false, latencyMs: null, error: "Database unreachable or not migrated." },
      migrations: { applied: [], pending: committedMigrations() },
      episodes: null,
    };
  }
}
