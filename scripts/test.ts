/**
 * `npm test`: unit + integration tests (Vitest) and browser tests (Playwright) against one
 * throwaway database — a fresh database on TEST_DATABASE_URL's server, else embedded PGlite.
 * Ends with a single "N passed, N failed" line.
 *
 *   npm test                                   everything
 *   npm test -- --e2e-only [e2e/x.spec.ts …]   just the browser tests (E2E_PORT picks the port)
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createTestDatabase } from "@/lib/testing/test-database";
import { isBuildCurrent, runBuild } from "./build-stamp";

type Counts = { passed: number; failed: number; skipped: number };

function run(command: string, args: string[], env: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
    child.on("error", reject);
    child.on("close", (code) => resolve(code ?? 1));
  });
}

function readJson(file: string): any {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

function vitestCounts(file: string): Counts {
  const report = readJson(file);
  if (!report) return { passed: 0, failed: 1, skipped: 0 };
  return { passed: report.numPassedTests, failed: report.numFailedTests, skipped: report.numPendingTests + report.numTodoTests };
}

function playwrightCounts(file: string): Counts {
  const report = readJson(file);
  if (!report) return { passed: 0, failed: 1, skipped: 0 };
  const s = report.stats ?? {};
  return { passed: (s.expected ?? 0) + (s.flaky ?? 0), failed: s.unexpected ?? 0, skipped: s.skipped ?? 0 };
}

/** A runner that failed without reporting a failed test (config or setup error) still fails. */
function withExitCode(counts: Counts, code: number): Counts {
  return code !== 0 && counts.failed === 0 ? { ...counts, failed: 1 } : counts;
}

/** Runs `use` against a fresh, migrated database and drops it afterwards, whatever happens. */
async function withDatabase<T>(label: string, use: (url: string) => Promise<T>): Promise<T> {
  const database = await createTestDatabase();
  console.log(`${label} database: ${database.kind === "server" ? "fresh database on TEST_DATABASE_URL's server" : "embedded PGlite"}`);
  try {
    return await use(database.url);
  } finally {
    const { disconnect } = await import("@/lib/db");
    await disconnect().catch(() => undefined);
    await database.drop().catch((error) => console.error("could not drop the test database:", error));
  }
}

async function main() {
  const bin = (name: string) => path.join(process.cwd(), "node_modules", ".bin", name);
  const results = path.join(process.cwd(), "test-results");
  fs.mkdirSync(results, { recursive: true });
  const args = process.argv.slice(2);
  const isE2eOnly = args.includes("--e2e-only");
  const specs = args.filter((a) => !a.startsWith("--"));
  // Exports are written to a directory of this run's own, removed at the end.
  const exportDir = fs.mkdtempSync(path.join(os.tmpdir(), "atelier-test-exports-"));
  const baseEnv = { ATELIER_TEST_DATABASE_READY: "1", NEXT_TELEMETRY_DISABLED: "1", ATELIER_EXPORT_DIR: exportDir };

  // Vitest and Playwright each get their own database, so the browser tests see exactly the
  // sample data they prepare, not what the integration tests imported.
  let vitest: Counts = { passed: 0, failed: 0, skipped: 0 };
  if (!isE2eOnly) {
    vitest = await withDatabase("Vitest", async (url) => {
      const vitestReport = path.join(results, "vitest.json");
      fs.rmSync(vitestReport, { force: true });
      const code = await run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestReport}`], {
        ...baseEnv,
        DATABASE_URL: url,
      });
      return withExitCode(vitestCounts(vitestReport), code);
    });
  }

  if (!isBuildCurrent()) await runBuild();
  const playwright = await withDatabase("Playwright", async (url) => {
    process.env.DATABASE_URL = url;
    const { prepareE2e } = await import("@/e2e/prepare");
    const accounts = await prepareE2e(path.join(os.tmpdir(), `atelier-e2e-${process.pid}`));
    const playwrightReport = path.join(results, "playwright.json");
    fs.rmSync(playwrightReport, { force: true });
    const code = await run(bin("playwright"), ["test", ...specs], { ...baseEnv, DATABASE_URL: url, ...accounts });
    return withExitCode(playwrightCounts(playwrightReport), code);
  });

  fs.rmSync(exportDir, { recursive: true, force: true });
  const passed = vitest.passed + playwright.passed;
  const failed = vitest.failed + playwright.failed;
  const skipped = vitest.skipped + playwright.skipped;
  console.log(`\nVitest: ${vitest.passed} passed, ${vitest.failed} failed. Playwright: ${playwright.passed} passed, ${playwright.failed} failed.`);
  console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
  process.exit(failed === 0 && passed > 0 ? 0 : 1);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
