/** A finished export's manifest, cut down to what the history page and the API list show. */
import fs from "node:fs";
import path from "node:path";
import { capReportPairs } from "../plan/preview";
import type { ExportManifest } from "../write/manifest";
import type { ExportFile, ExportSummary } from "./schema";

function fileOf(outDir: string, relative: string, sha256: string | null): ExportFile {
  return { path: relative, bytes: fs.statSync(path.join(outDir, relative)).size, sha256 };
}

export function summarize(manifest: ExportManifest, outDir: string): ExportSummary {
  const shards = manifest.shards.map((shard) => ({ path: shard.path, bytes: shard.bytes, sha256: shard.sha256 }));
  const files = [...shards, ...["README.md", "report.json", "manifest.json"].map((name) => fileOf(outDir, name, null))];
  const splits = Object.fromEntries(Object.entries(manifest.splits).map(([split, sum]) => [split, { records: sum.records, tokens: sum.tokens, shards: sum.shards }]));
  return {
    records: manifest.shards.reduce((n, s) => n + s.records, 0),
    tokens: manifest.shards.reduce((n, s) => n + s.tokens, 0),
    shards: manifest.shards.length,
    bytes: files.reduce((n, f) => n + f.bytes, 0),
    splits,
    files,
    tokenizer: manifest.tokenizer,
    components: manifest.components,
    // The plan's report with the first duplicate pairs (report.json has them all).
    plan: capReportPairs(manifest.plan),
  };
}
