/**
 * Export benchmark (not part of npm test):
 *
 *   node --import tsx bench/export/run.ts [--mb 1000] [--reuse] [--repeat 3] [--dedup] [--only jsonl|parquet]
 *     [--cpu-prof] [--server postgresql://postgres@127.0.0.1:5432/postgres]
 *
 * Generates a synthetic corpus of `--mb` MB of JSONL with the project's generator
 * (lib/sample/corpus.ts: SWE-agent and mini-swe-agent rollouts with rollout groups, PR-derived
 * samples; no per-step message copies; the COPY below reads about half as many bytes as the
 * files hold, ~530 MB at the default), imports it with the real CLI into a fresh
 * database `atelier_bench_export_<mb>mb` and approves every episode (`--reuse` keeps that database
 * from an earlier run). Then, in the same run, against the same rows:
 *   1. `COPY (…) TO STDOUT` through psql of exactly what the export reads (episodes ⋈ contents,
 *      then their steps in order): the raw-read baseline;
 *   2. Atelier's export (runExport + atelierExportDeps, as the CLI) to chat JSONL, then to chat
 *      Parquet, each in a child process with the CLI's node flags (package.json: a 512 MB heap
 *      cap) and GC tuning (lib/runtime/gc-tuning.ts), whose peak RSS it reports.
 * The timed export is runExport itself (plan, write, finalize), without the process start-up.
 * `--repeat N` runs the three measurements N times, interleaved, and keeps each one's fastest run
 * (on a shared machine the slower runs measure the neighbours). Prints a table: output MB/s,
 * input-equivalent MB/s (the COPY bytes of the rows exported, per second), episodes/s, the ratio
 * to COPY and peak RSS (the highest of the runs). `--cpu-prof` writes the children's CPU profiles
 * to bench/out/export-<mb>mb/prof.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { applyMigrations } from "@/lib/migrate";
import { writeSyntheticCorpus } from "@/lib/sample/corpus";
import type { ChildResult } from "./export-child";

function arg(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}

const megabytes = Number(arg("mb", "1000"));
const server = arg("server", "postgresql://postgres@127.0.0.1:5432/postgres");
const only = arg("only", "");
const repeat = Math.max(1, Number(arg("repeat", "3")));
const outDir = path.resolve("bench/out", `export-${megabytes}mb`);
const database = `atelier_bench_export_${megabytes}mb`;
const url = Object.assign(new URL(server), { pathname: `/${database}` }).toString();

/** The node flags `npm run atelier` runs with (package.json), so the children run as the CLI does. */
function cliNodeFlags(): string[] {
  const script = (JSON.parse(fs.readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }).scripts.atelier;
  const words = script.split(/\s+/);
  return words.slice(words.indexOf("node") + 1, words.indexOf("scripts/atelier.ts"));
}
const nodeFlags = cliNodeFlags();

type Measured = { seconds: number; peakRssMb: number; stdout: string; bytes: number };

/** Runs a command, counting its stdout bytes (kept only when asked) and sampling its peak RSS from /proc. */
function measured(command: string, args: string[], options: { keepStdout: boolean; env?: Record<string, string> }): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, args, { env: { ...process.env, ...options.env }, stdio: ["ignore", "pipe", "inherit"] });
    let stdout = "";
    let bytes = 0;
    let peakKb = 0;
    const sample = () => {
      try {
        const hwm = /VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${child.pid}/status`, "utf8"));
        if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]));
      } catch {
        // the child has exited
      }
    };
    const sampler = setInterval(sample, 100);
    child.stdout.on("data", (chunk: Buffer) => {
      bytes += chunk.length;
      if (options.keepStdout) stdout += chunk.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => {
      clearInterval(sampler);
      if (code !== 0) return reject(new Error(`${command} exited ${code}: ${stdout.slice(0, 2000)}`));
      resolve({ seconds: (performance.now() - start) / 1000, peakRssMb: peakKb / 1024, stdout, bytes });
    });
  });
}

async function prepareDatabase(): Promise<void> {
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  const exists = (await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [database])).rowCount === 1;
  if (process.argv.includes("--reuse") && exists) {
    await admin.end();
    return;
  }
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  await applyMigrations(url);
  const corpusDir = path.join(outDir, "corpus");
  const manifest = path.join(corpusDir, "corpus.json");
  if (!fs.existsSync(manifest)) {
    const start = performance.now();
    const corpus = await writeSyntheticCorpus(corpusDir, { targetBytes: megabytes * 1e6, stepMessages: "none" });
    fs.writeFileSync(manifest, JSON.stringify(corpus));
    console.log(`generated ${(corpus.bytes / 1e6).toFixed(0)} MB, ${corpus.episodes} records in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  }
  const { files } = JSON.parse(fs.readFileSync(manifest, "utf8")) as { files: string[] };
  const imported = await measured(process.execPath, [...nodeFlags, "scripts/atelier.ts", "import", "--json", ...files], {
    keepStdout: true,
    env: { DATABASE_URL: url },
  });
  console.log(`imported in ${imported.seconds.toFixed(1)} s`);
  // The generated files are in the database now; --reuse starts from the database.
  fs.rmSync(corpusDir, { recursive: true, force: true });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // The change feed is for live servers; approving the whole corpus would only fill it.
  await client.query("ALTER TABLE episodes DISABLE TRIGGER USER");
  await client.query("UPDATE episodes SET review_status = 'approved' WHERE review_status <> 'approved'");
  await client.query("ALTER TABLE episodes ENABLE TRIGGER USER");
  await client.query("VACUUM ANALYZE");
  await client.end();
}

/**
 * What an export reads, as COPY: the approved episodes with their contents (the columns
 * loadExportEpisodes selects), then their steps in (episode, idx) order. One row per episode and
 * one per step, as the export receives them (a join would repeat the contents on every step).
 */
const copyStatements = [
  `COPY (SELECT e.id, e.kind, e.source_format, e.instance_id, e.repo, e.agent, e.model, e.resolved, e.exit_status_class, e.review_status,
       e.labels, e.step_count, c.task_text, c.base_commit, c.final_patch, c.gold_patch, c.test_patch, c.pull_request, c.attached,
       c.quality -> 'loop', c.quality -> 'secrets'
     FROM episodes e LEFT JOIN episode_contents c ON c.episode_id = e.id WHERE e.review_status = 'approved' ORDER BY e.id) TO STDOUT`,
  `COPY (SELECT s.episode_id, s.idx, s.role, s.parts, s.meta FROM steps s JOIN episodes e ON e.id = s.episode_id
     WHERE e.review_status = 'approved' ORDER BY s.episode_id, s.idx) TO STDOUT`,
];

async function corpusStats(): Promise<{ episodes: number; steps: number; databaseMb: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ episodes: number; steps: number; mb: number }>(
    `SELECT (SELECT count(*)::int FROM episodes WHERE review_status = 'approved') AS episodes, (SELECT count(*)::int FROM steps) AS steps,
            pg_database_size(current_database()) / 1e6 AS mb`,
  );
  await client.end();
  return { episodes: rows[0].episodes, steps: rows[0].steps, databaseMb: Number(rows[0].mb) };
}

type Row = { label: string; seconds: number; outBytes: number; inputBytes: number; episodes: number; peakRssMb: number };

function printTable(rows: Row[], copy: Row) {
  const copyRate = copy.episodes / copy.seconds;
  const header = ["", "seconds", "MB out", "MB/s out", "MB/s in-eq", "episodes/s", "x COPY", "peak RSS MB"];
  const widths = [30, 9, 9, 10, 11, 11, 8, 12];
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("");
  console.log(`\n${line(header)}`);
  for (const r of rows) {
    const cells = [
      r.label,
      r.seconds.toFixed(1),
      (r.outBytes / 1e6).toFixed(0),
      (r.outBytes / 1e6 / r.seconds).toFixed(1),
      (r.inputBytes / 1e6 / r.seconds).toFixed(1),
      (r.episodes / r.seconds).toFixed(0),
      (r.episodes / r.seconds / copyRate).toFixed(2),
      r.peakRssMb.toFixed(0),
    ];
    console.log(line(cells));
  }
}

async function main() {
  fs.mkdirSync(outDir, { recursive: true });
  await prepareDatabase();
  const stats = await corpusStats();
  console.log(`corpus: ${stats.episodes} approved episodes, ${stats.steps} steps, database ${stats.databaseMb.toFixed(0)} MB`);

  // A first COPY warms the cache for everything after it.
  await measured("psql", [url, "-qX", ...copyStatements.flatMap((sql) => ["-c", sql])], { keepStdout: false });
  const formats = (["jsonl", "parquet"] as const).filter((format) => !only || only === format);
  const copies: Measured[] = [];
  const runs: Record<string, (ChildResult & { wallSeconds: number; peakRssMb: number })[]> = { jsonl: [], parquet: [] };
  const profileDir = path.join(outDir, "prof");
  for (let round = 0; round < repeat; round++) {
    copies.push(await measured("psql", [url, "-qX", ...copyStatements.flatMap((sql) => ["-c", sql])], { keepStdout: false }));
    for (const format of formats) {
      const profile = process.argv.includes("--cpu-prof") ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
      const child = await measured(
        process.execPath,
        [...nodeFlags, ...profile, "bench/export/export-child.ts", "--out", path.join(outDir, `export-${format}`), "--format", format, ...(process.argv.includes("--dedup") ? ["--dedup"] : [])],
        { keepStdout: true, env: { DATABASE_URL: url } },
      );
      const result = JSON.parse(child.stdout.trim().split("\n").at(-1)!) as ChildResult;
      runs[format].push({ ...result, wallSeconds: child.seconds, peakRssMb: Math.max(result.maxRssMb, child.peakRssMb) });
      console.log(
        `${format}: ${result.records} records, ${(result.tokens / 1e6).toFixed(0)}M tokens, ${result.shards} shards; plan ${result.planSeconds.toFixed(1)} s + write ${result.writeSeconds.toFixed(1)} s, ${result.cpuSeconds.toFixed(1)} s CPU (process ${child.seconds.toFixed(1)} s with start-up)`,
      );
    }
  }
  const best = copies.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  console.log(`COPY: ${(best.bytes / 1e6).toFixed(0)} MB in ${copies.map((c) => c.seconds.toFixed(2)).join(" / ")} s`);
  const copy: Row = { label: "COPY … TO STDOUT (psql)", seconds: best.seconds, outBytes: best.bytes, inputBytes: best.bytes, episodes: stats.episodes, peakRssMb: Math.max(...copies.map((c) => c.peakRssMb)) };
  const rows: Row[] = [copy];
  for (const format of formats) {
    const fastest = runs[format].reduce((a, b) => (b.exportSeconds < a.exportSeconds ? b : a));
    console.log(`${format}: ${runs[format].map((r) => r.exportSeconds.toFixed(2)).join(" / ")} s`);
    rows.push({
      label: `Atelier export, chat ${format === "jsonl" ? "JSONL" : "Parquet"}`,
      seconds: fastest.exportSeconds,
      outBytes: fastest.bytes,
      // Every approved episode is one record here (no limits, no upsampling).
      inputBytes: (copy.inputBytes * fastest.records) / stats.episodes,
      episodes: fastest.records,
      peakRssMb: Math.max(...runs[format].map((r) => r.peakRssMb)),
    });
  }
  printTable(rows, copy);
  fs.writeFileSync(path.join(outDir, "result.json"), JSON.stringify({ corpusMb: megabytes, ...stats, copies: copies.map((c) => ({ seconds: c.seconds, bytes: c.bytes })), rows, runs }, null, 2));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
