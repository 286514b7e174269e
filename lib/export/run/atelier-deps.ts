/**
 * The real export stages wired together: plan (lib/export/plan), load + render (lib/export/render).
 * `confined` is for exports started over HTTP: list files and tokenizer.json must then live in the
 * recipe files directory (the CLI reads any path it is given).
 */
import { confinedRecipeFile, readConfinedListFile } from "../plan/decontamination-file";
import { planExport } from "../plan/plan-export";
import { exportTokenizer, renderEntry, streamExportEpisodes, toParquetRow } from "../render";
import type { ExportDeps } from "./deps";

export function atelierExportDeps({ confined }: { confined: boolean }): ExportDeps<ReturnType<typeof exportTokenizer>, Parameters<typeof toParquetRow>[0]> {
  return {
    planExport: (recipe, { signal, onProgress }) => {
      // The plan reports each component's scan; progress is the sum over components.
      const scanned: number[] = [];
      const totals: number[] = [];
      return planExport(recipe, {
        signal,
        ...(confined ? { readListFile: readConfinedListFile } : {}),
        onProgress: (progress) => {
          if (progress.phase !== "scan") return;
          scanned[progress.component] = progress.scanned;
          totals[progress.component] = progress.total;
          onProgress?.(
            scanned.reduce((n, v) => n + (v ?? 0), 0),
            totals.reduce((n, v) => n + (v ?? 0), 0),
          );
        },
      });
    },
    streamExportEpisodes: (ids, options) => streamExportEpisodes(ids, options),
    exportTokenizer: (config) =>
      exportTokenizer(confined && config.type === "tokenizer-json" && config.path ? { ...config, path: confinedRecipeFile(config.path, "Tokenizer") } : config),
    renderEntry,
    toParquetRow,
  };
}
