/**
 * `npm start`: build the app if needed, open the database (embedded PGlite in .atelier/ unless
 * DATABASE_URL is set), apply migrations, load sample data into an empty database, make sure a
 * local admin exists, then serve. SIGINT/SIGTERM stop the server first and the database last,
 * so everything written is flushed to disk.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { isBuildCurrent, runBuild } from "./build-stamp";
import { atelierDir, openLocalDatabase } from "@/lib/runtime/local-database";
import { applyMigrations } from "@/lib/migrate";

const port = Number(process.env.PORT ?? 3000);
const nextBin = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");

function authSecret(): string {
  if (process.env.BETTER_AUTH_SECRET) return process.env.BETTER_AUTH_SECRET;
  const file = path.join(atelierDir, "auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(atelierDir, { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}

async function main() {
  if (!isBuildCurrent()) await runBuild();
  const database = await openLocalDatabase();
  console.log(database.isEmbedded ? `Embedded PostgreSQL (PGlite) on ${database.url}, data in ${atelierDir}` : "Using DATABASE_URL");
  process.env.DATABASE_URL = database.url;
  await applyMigrations(database.url);

  const { loadSampleData } = await import("@/lib/setup/sample-data");
  const { ensureLocalAdmin } = await import("@/lib/setup/local-admin");
  const { disconnect } = await import("@/lib/db");
  const sample = await loadSampleData(path.join(atelierDir, "sample"));
  if (sample) console.log(`Loaded sample data: ${sample.imported} episodes (batch ${sample.batchId}).`);
  const admin = await ensureLocalAdmin(atelierDir);
  await disconnect();

  const baseUrl = `http://localhost:${port}`;
  const server: ChildProcess = spawn(process.execPath, [nextBin, "start", "-p", String(port)], {
    stdio: "inherit",
    env: { ...process.env, BETTER_AUTH_SECRET: authSecret(), BETTER_AUTH_URL: process.env.BETTER_AUTH_URL ?? baseUrl, NEXT_TELEMETRY_DISABLED: "1" },
  });
  console.log(`\nAtelier is starting on ${baseUrl}`);
  console.log(`Sign in as ${admin.email}` + (admin.password ? ` with password ${admin.password}` : " (password printed at first start)"));

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (server.exitCode === null) {
      server.kill("SIGTERM");
      await new Promise((resolve) => server.once("exit", resolve));
    }
    await database.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  server.on("exit", (code) => void stop(code ?? 0));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
