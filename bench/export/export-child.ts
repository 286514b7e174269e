/**
 * One measured export, run by bench/export/run.ts in a process of its own (so its peak RSS is the
 * export's): runExport with the stages the CLI and the server use (atelierExportDeps), against
 * DATABASE_URL.
 *
 *   DATABASE_URL=… node --max-old-space-size=512 --import tsx bench/export/export-child.ts --out DIR --format jsonl|parquet [--dedup]
 *
 * Prints one JSON line: records, bytes, shards, tokens, plan / write seconds and maxRSS.
 */
import fs from "node:fs";
import { disconnect } from "@/lib/db";
import type { RecipeInput } from "@/lib/export/recipe/schema";
import { atelierExportDeps } from "@/lib/export/run/atelier-deps";
import { runExport } from "@/lib/export/run/run-export";
import { tuneGarbageCollector } from "@/lib/runtime/gc-tuning";

// As the CLI and the server do.
tuneGarbageCollector();

function arg(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}

export type ChildResult = {
  records: number;
  bytes: number;
  shards: number;
  tokens: number;
  planSeconds: number;
  writeSeconds: number;
  exportSeconds: number;
  /** This process's CPU time (user + system) during the export. */
  cpuSeconds: number;
  maxRssMb: number;
};

async function main() {
  const outDir = arg("out", "bench/out/export-run");
  const format = arg("format", "jsonl") as "jsonl" | "parquet";
  const isDedup = process.argv.includes("--dedup");
  fs.rmSync(outDir, { recursive: true, force: true });
  const recipe: RecipeInput = {
    name: `bench ${format}`,
    components: [{ name: "approved", filter: "" }],
    // Dedup is the plan's cost, not the writer's: off unless asked. The synthetic corpus draws on
    // the SWE-bench repositories, so decontamination would leave little to export.
    dedup: { exact: isDedup, near: isDedup },
    decontamination: { swebench: false },
    format: { file: format, style: "chat" },
  };
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  let writingStart = start;
  const manifest = await runExport({
    recipe,
    recipeVersionId: null,
    outDir,
    deps: atelierExportDeps({ confined: false }),
    onProgress: (p) => {
      if (p.phase === "writing" && writingStart === start) writingStart = performance.now();
    },
  });
  const end = performance.now();
  const cpu = process.cpuUsage(cpuStart);
  await disconnect();
  const result: ChildResult = {
    records: manifest.totals.records,
    bytes: manifest.totals.bytes,
    shards: manifest.totals.shards,
    tokens: manifest.totals.tokens,
    planSeconds: (writingStart - start) / 1000,
    writeSeconds: (end - writingStart) / 1000,
    exportSeconds: (end - start) / 1000,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    // kilobytes on Linux
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  };
  console.log(JSON.stringify(result));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
