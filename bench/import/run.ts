/**
 * Import benchmark (not part of npm test):
 *   node --import tsx bench/import/run.ts [--gb 1] [--dense] [--server postgresql://postgres@127.0.0.1:5432/postgres]
 *
 * Generates a synthetic corpus (SWE-agent, mini-swe-agent and PR-derived JSONL) of the given size,
 * then, on fresh databases on the same server and in the same run:
 *   1. `psql \copy` of the same bytes into a one-column jsonb table (the raw-copy baseline);
 *   2. `npm run atelier -- import` of the same files (full normalization), in a child process
 *      whose peak RSS is read from /proc.
 * Prints episodes/s, MB/s, peak RSS and the ratio to the baseline. `--dense` drops SWE-agent's
 * per-step message copies, so the same bytes hold ~7x more episodes.
 */
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { writeSyntheticCorpus } from "@/lib/sample/corpus";
import { applyMigrations } from "@/lib/migrate";

function arg(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}

const gigabytes = Number(arg("gb", "1"));
const isDense = process.argv.includes("--dense");
const server = arg("server", "postgresql://postgres@127.0.0.1:5432/postgres");
const outDir = path.resolve("bench/out", `import-${gigabytes}gb${isDense ? "-dense" : ""}`);

async function freshDatabase(name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

function seconds(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

async function corpus(): Promise<{ files: string[]; bytes: number; episodes: number }> {
  const manifest = path.join(outDir, "manifest.json");
  if (fs.existsSync(manifest)) return JSON.parse(fs.readFileSync(manifest, "utf8"));
  const start = process.hrtime.bigint();
  const result = await writeSyntheticCorpus(outDir, {
    targetBytes: gigabytes * 1024 ** 3,
    stepMessages: isDense ? "none" : undefined,
  });
  fs.writeFileSync(manifest, JSON.stringify(result));
  console.log(`generated ${(result.bytes / 1e6).toFixed(0)} MB, ${result.episodes} records in ${seconds(start).toFixed(1)} s`);
  return result;
}

function rawCopy(url: string, files: string[]): number {
  execFileSync("psql", [url, "-qc", "CREATE UNLOGGED TABLE IF NOT EXISTS raw_copy (doc jsonb)"]);
  const start = process.hrtime.bigint();
  for (const file of files) {
    // CSV with quote and delimiter bytes that never occur in JSON: each line lands as one value.
    execFileSync("psql", [url, "-qc", `\\copy raw_copy (doc) FROM '${file}' WITH (FORMAT csv, QUOTE E'\\x01', DELIMITER E'\\x02')`]);
  }
  return seconds(start);
}

/** Runs the CLI import in a child process and samples its resident memory. */
function atelierImport(url: string, files: string[]): Promise<{ seconds: number; peakRssMb: number; summary: { imported: number; duplicates: number; invalid: number } }> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    // The same command line as `npm run atelier` (package.json), without npm in between.
    const child = spawn(process.execPath, ["--max-old-space-size=512", "--import", "tsx", "scripts/atelier.ts", "import", "--json", ...files], {
      env: { ...process.env, DATABASE_URL: url },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    let peakKb = 0;
    const sampler = setInterval(() => {
      try {
        const status = fs.readFileSync(`/proc/${child.pid}/status`, "utf8");
        const hwm = /VmHWM:\s+(\d+)/.exec(status);
        if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]));
      } catch {
        // the child has exited
      }
    }, 200);
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      clearInterval(sampler);
      const elapsed = seconds(start);
      if (code !== 0) return reject(new Error(`import exited ${code}: ${out.slice(0, 2000)}`));
      resolve({ seconds: elapsed, peakRssMb: peakKb / 1024, summary: JSON.parse(out) });
    });
  });
}

async function main() {
  const { files, bytes } = await corpus();
  const megabytes = bytes / 1e6;
  const copyUrl = await freshDatabase("atelier_bench_copy");
  const copySeconds = rawCopy(copyUrl, files);
  const importUrl = await freshDatabase("atelier_bench_import");
  await applyMigrations(importUrl);
  const result = await atelierImport(importUrl, files);
  const copyRate = megabytes / copySeconds;
  const importRate = megabytes / result.seconds;
  const report = {
    corpus: { megabytes: Math.round(megabytes), files: files.length, episodes: result.summary.imported, dense: isDense },
    rawCopy: { seconds: +copySeconds.toFixed(1), mbPerSecond: +copyRate.toFixed(1) },
    import: {
      seconds: +result.seconds.toFixed(1),
      mbPerSecond: +importRate.toFixed(1),
      episodesPerSecond: +(result.summary.imported / result.seconds).toFixed(1),
      peakRssMb: Math.round(result.peakRssMb),
      invalid: result.summary.invalid,
    },
    ratioToRawCopy: +(importRate / copyRate).toFixed(2),
  };
  console.log(JSON.stringify(report, null, 2));
  fs.writeFileSync(path.join(outDir, "result.json"), JSON.stringify(report, null, 2));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
