/**
 * Export benchmark (not part of npm test). Needs the plan and render stages (lib/export/plan,
 * lib/export/render), which arrive with the merge.
 *
 *   node --import tsx bench/export/run.ts [--mb 500] [--reuse] [--dedup] [--server postgresql://postgres@127.0.0.1:5432/postgres]
 *
 * Generates a synthetic corpus (the import bench's generator), imports it with the real CLI into
 * a fresh database and approves every episode (`--reuse` keeps a database from an earlier run),
 * then, in the same run against the same rows:
 *   1. `COPY (episodes ⋈ contents ⋈ steps) TO STDOUT` through psql: the raw-read baseline;
 *   2. Atelier exports to chat JSONL and chat Parquet, each in a child process whose peak RSS is
 *      read from /proc.
 * Prints MB/s, episodes/s, the ratio to COPY (episodes/s) and peak RSS.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { applyMigrations } from "@/lib/migrate";
import { writeSyntheticCorpus } from "@/lib/sample/corpus";

function arg(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}

const megabytes = Number(arg("mb", "500"));
const server = arg("server", "postgresql://postgres@127.0.0.1:5432/postgres");
const outDir = path.resolve("bench/out", `export-${megabytes}mb`);
const database = "atelier_bench_export";
const url = Object.assign(new URL(server), { pathname: `/${database}` }).toString();

type Measured = { seconds: number; peakRssMb: number; stdout: string; bytes: number };

/** Runs a command, counting its stdout bytes (kept only when asked) and sampling its peak RSS. */
function measured(command: string, args: string[], options: { keepStdout: boolean; env?: Record<string, string> }): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, args, { env: { ...process.env, ...options.env }, stdio: ["ignore", "pipe", "inherit"] });
    let stdout = "";
    let bytes = 0;
    let peakKb = 0;
    const sampler = setInterval(() => {
      try {
        const hwm = /VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${child.pid}/status`, "utf8"));
        if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]));
      } catch {
        // the child has exited
      }
    }, 200);
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

async function prepareDatabase(): Promise<number> {
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  const exists = (await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [database])).rowCount === 1;
  if (!(process.argv.includes("--reuse") && exists)) {
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${database}`);
    await applyMigrations(url);
    const manifest = path.join(outDir, "corpus.json");
    if (!fs.existsSync(manifest)) fs.writeFileSync(manifest, JSON.stringify(await writeSyntheticCorpus(outDir, { targetBytes: megabytes * 1024 ** 2 })));
    const { files } = JSON.parse(fs.readFileSync(manifest, "utf8")) as { files: string[] };
    const imported = await measured(process.execPath, ["--max-old-space-size=512", "--import", "tsx", "scripts/atelier.ts", "import", "--json", ...files], { keepStdout: true, env: { DATABASE_URL: url } });
    console.log(`imported ${megabytes} MB in ${imported.seconds.toFixed(1)} s`);
  }
  await admin.end();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // The change feed is for live servers; approving the whole corpus would only fill it.
  await client.query("ALTER TABLE episodes DISABLE TRIGGER USER");
  await client.query("UPDATE episodes SET review_status = 'approved' WHERE review_status <> 'approved'");
  await client.query("ALTER TABLE episodes ENABLE TRIGGER USER");
  await client.query("ANALYZE");
  const approved = Number((await client.query("SELECT count(*) AS n FROM episodes WHERE review_status = 'approved'")).rows[0].n);
  await client.end();
  return approved;
}

/** What an export reads, as one COPY: approved episodes with contents and steps, in order. */
const copySql = `COPY (
  SELECT e.id, e.kind, e.source_format, e.instance_id, e.repo, e.agent, e.model, e.resolved, c.task_text, c.final_patch, c.pull_request,
         s.idx, s.role, s.parts, s.meta
  FROM episodes e JOIN episode_contents c ON c.episode_id = e.id JOIN steps s ON s.episode_id = e.id
  WHERE e.review_status = 'approved' ORDER BY e.id, s.idx) TO STDOUT`;

async function main() {
  fs.mkdirSync(outDir, { recursive: true });
  const episodes = await prepareDatabase();
  const copy = await measured("psql", [url, "-qXc", copySql], { keepStdout: false });
  console.log(`COPY: ${(copy.bytes / 1e6).toFixed(0)} MB of ${episodes} episodes in ${copy.seconds.toFixed(1)} s`);
  const rows = [{ label: "COPY … TO STDOUT (psql)", seconds: copy.seconds, bytes: copy.bytes, episodes, peakRssMb: copy.peakRssMb }];
  for (const format of ["jsonl", "parquet"] as const) {
    const child = await measured(
      process.execPath,
      ["--max-old-space-size=512", "--import", "tsx", "bench/export/export-child.ts", "--out", path.join(outDir, `export-${format}`), "--format", format, ...(process.argv.includes("--dedup") ? ["--dedup"] : [])],
      { keepStdout: true, env: { DATABASE_URL: url } },
    );
    const result = JSON.parse(child.stdout.trim().split("\n").at(-1)!) as { records: number; bytes: number; planSeconds: number; writeSeconds: number };
    console.log(`${format}: planned in ${result.planSeconds.toFixed(1)} s, wrote ${result.records} records in ${result.writeSeconds.toFixed(1)} s`);
    rows.push({ label: `Atelier export, chat ${format === "jsonl" ? "JSONL" : "Parquet"}`, seconds: child.seconds, bytes: result.bytes, episodes: result.records, peakRssMb: child.peakRssMb });
  }
  const copyRate = episodes / copy.seconds;
  const table = rows.map((r) => ({
    ...r,
    mbPerSecond: r.bytes / 1e6 / r.seconds,
    episodesPerSecond: r.episodes / r.seconds,
    ratioToCopy: r.episodes / r.seconds / copyRate,
  }));
  console.log(`\n${"".padEnd(34)}${"seconds".padStart(9)}${"MB out".padStart(9)}${"MB/s".padStart(8)}${"episodes/s".padStart(12)}${"x COPY".padStart(8)}${"peak RSS MB".padStart(13)}`);
  for (const r of table) {
    console.log(
      `${r.label.padEnd(34)}${r.seconds.toFixed(1).padStart(9)}${(r.bytes / 1e6).toFixed(0).padStart(9)}${r.mbPerSecond.toFixed(1).padStart(8)}${r.episodesPerSecond.toFixed(0).padStart(12)}${r.ratioToCopy.toFixed(2).padStart(8)}${r.peakRssMb.toFixed(0).padStart(13)}`,
    );
  }
  fs.writeFileSync(path.join(outDir, "result.json"), JSON.stringify({ corpusMb: megabytes, episodes, results: table }, null, 2));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
