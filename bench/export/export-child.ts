/**
 * One measured export, run by bench/export/run.ts in its own process (so its peak RSS is its
 * own): runExport with the real plan and render stages against DATABASE_URL.
 *
 *   DATABASE_URL=… node --max-old-space-size=512 --import tsx bench/export/export-child.ts --out DIR --format jsonl|parquet [--dedup]
 *
 * Prints one JSON line: records, bytes, shards, plan and write seconds.
 */
import fs from "node:fs";
import type { RecipeInput } from "@/lib/export/recipe/schema";
import type { ExportDeps } from "@/lib/export/run/deps";
import { runExport } from "@/lib/export/run/run-export";

function arg(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}

// Imported by name at run time: the plan and render stages are built on other branches and
// arrive with the merge; until then this file typechecks and fails here with a clear message.
const planModule: string = "@/lib/export/plan/plan-export";
const renderModule: string = "@/lib/export/render/index";

async function realDeps(): Promise<ExportDeps<unknown, unknown>> {
  const [{ planExport }, render] = await Promise.all([import(planModule), import(renderModule)]).catch((error) => {
    throw new Error(`the export bench needs the plan and render stages (${planModule}, ${renderModule}): ${error.message}`);
  });
  const { loadExportEpisodes, exportTokenizer, renderEntry, toParquetRow } = render;
  return { planExport, loadExportEpisodes, exportTokenizer, renderEntry, toParquetRow };
}

async function main() {
  const outDir = arg("out", "bench/out/export-run");
  const format = arg("format", "jsonl") as "jsonl" | "parquet";
  const isDedup = process.argv.includes("--dedup");
  fs.rmSync(outDir, { recursive: true, force: true });
  const recipe: RecipeInput = {
    name: `bench ${format}`,
    components: [{ name: "approved", filter: "" }],
    // Dedup and decontamination are the plan's cost; off unless asked, so this measures writing.
    dedup: { exact: isDedup, near: isDedup },
    decontamination: { swebench: false },
    format: { file: format, style: "chat" },
  };
  const start = performance.now();
  let writingStart = start;
  const manifest = await runExport({
    recipe,
    recipeVersionId: null,
    outDir,
    deps: await realDeps(),
    onProgress: (p) => {
      if (p.phase === "writing" && writingStart === start) writingStart = performance.now();
    },
  });
  const end = performance.now();
  const { disconnect } = await import("@/lib/db");
  await disconnect();
  const result = {
    records: manifest.totals.records,
    bytes: manifest.totals.bytes,
    shards: manifest.totals.shards,
    planSeconds: (writingStart - start) / 1000,
    writeSeconds: (end - writingStart) / 1000,
  };
  console.log(JSON.stringify(result));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
