/**
 * Quick-start sample data: the project's own generator writes realistic source files, which go
 * through the same importer users use (no fixtures copied, no rows written by hand).
 */
import fs from "node:fs";
import path from "node:path";
import { prisma } from "@/lib/db";
import { importFiles, type ImportSummary } from "@/lib/ingest/import-files";
import { sampleCorpusFiles } from "@/lib/sample/corpus";

export async function loadSampleData(dir: string, options: { force?: boolean } = {}): Promise<ImportSummary | null> {
  if (!options.force && (await prisma.episode.count()) > 0) return null;
  fs.mkdirSync(dir, { recursive: true });
  const files = sampleCorpusFiles().map((file) => {
    const full = path.join(dir, file.name);
    fs.writeFileSync(full, file.content);
    return { path: full, name: `sample/${file.name}` };
  });
  return importFiles(files, { source: "seed" });
}
