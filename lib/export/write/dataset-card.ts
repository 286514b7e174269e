/**
 * README.md of an export: a Hugging Face dataset card (YAML front matter with the licence and the
 * split layout, so `load_dataset(dir)` and the Hub find the shards), then what is in it and how it
 * was made. Built from the manifest without its timestamp, so a rerun writes the same bytes.
 */
import type { ExportManifest } from "./manifest";

const cell = (value: string | number) => String(value).replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ");
const table = (head: string[], rows: (string | number)[][]) =>
  [head, head.map(() => "---"), ...rows].map((row) => `| ${row.map(cell).join(" | ")} |`).join("\n");

/** One SPDX id when every record comes from a pull request under that licence; else "other". */
export function cardLicense(manifest: ExportManifest): string {
  const known = Object.keys(manifest.licenses).filter((l) => l !== "unknown");
  const prRecords = Object.values(manifest.licenses).reduce((n, c) => n + c, 0);
  const isUniform = known.length === 1 && !manifest.licenses.unknown && prRecords === manifest.totals.records;
  return isUniform ? known[0].toLowerCase() : "other";
}

function frontMatter(manifest: ExportManifest): string {
  const ext = manifest.recipe.format.file;
  const dataFiles = (["train", "validation"] as const)
    .filter((split) => manifest.splits[split].shards > 0)
    .map((split) => `  - split: ${split}\n    path: data/${split}-*.${ext}`);
  return [
    "---",
    `license: ${cardLicense(manifest)}`,
    `pretty_name: ${JSON.stringify(manifest.name)}`,
    "task_categories:\n- text-generation",
    "tags:\n- code\n- agents\n- trajectories\n- atelier",
    // An export with no records has no files to configure.
    ...(dataFiles.length ? ["configs:\n- config_name: default\n  data_files:", ...dataFiles] : []),
    "---",
  ].join("\n");
}

/** A fence longer than any backtick run inside, so a recipe description cannot end the block. */
function codeBlock(language: string, text: string): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  return `${fence}${language}\n${text}\n${fence}`;
}

function licenceSection(manifest: ExportManifest): string {
  const prRecords = Object.values(manifest.licenses).reduce((n, c) => n + c, 0);
  const lines = Object.entries(manifest.licenses)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([licence, records]) => `- \`${licence}\`: ${records} records from pull requests`);
  const others = manifest.totals.records - prRecords;
  if (others > 0) lines.push(`- ${others} records from agent trajectories: the licence of the code they touch is not recorded`);
  return ["## Licences", "", "Observed in the exported episodes (the repository licence recorded with each pull request):", "", ...(lines.length ? lines : ["- none recorded"])].join("\n");
}

function loading(manifest: ExportManifest): string {
  const ext = manifest.recipe.format.file;
  const builder = ext === "parquet" ? "parquet" : "json";
  const files = (["train", "validation"] as const)
    .filter((split) => manifest.splits[split].shards > 0)
    .map((split) => `"${split}": "data/${split}-*.${ext}"`)
    .join(", ");
  return [
    "## Loading",
    "",
    codeBlock("python", `from datasets import load_dataset\n\nds = load_dataset("${builder}", data_files={${files}})`),
    "",
    "`manifest.json` lists every shard with its sha256, its records (episode id, component, copy) in order and its tokens; `report.json` has the duplicate pairs and every drop.",
  ].join("\n");
}

export function datasetCard(manifest: ExportManifest): string {
  const { recipe, plan } = manifest;
  const splitRows = (["train", "validation"] as const).map((s) => [s, manifest.splits[s].records, manifest.splits[s].tokens, manifest.splits[s].shards, manifest.splits[s].bytes]);
  const componentRows = manifest.components.map((c) => [c.name, c.filter || "(all)", c.records, c.tokens, c.truncated, Object.values(c.dropped).reduce((n, d) => n + d, 0)]);
  const decontamination = Object.entries(plan.decontamination).map(([list, removed]) => `- ${list}: ${removed} episodes removed`);
  return [
    frontMatter(manifest),
    "",
    `# ${manifest.name}`,
    "",
    ...(recipe.description ? [recipe.description, ""] : []),
    `A training mixture of coding-agent trajectories exported by Atelier ${manifest.appVersion}${manifest.recipeVersionId === null ? "" : ` from recipe version ${manifest.recipeVersionId}`}: ${recipe.format.style} style, ${recipe.format.file.toUpperCase()} shards, tokens counted with \`${manifest.tokenizer}\`.`,
    "",
    "## Contents",
    "",
    table(["split", "records", "tokens", "shards", "bytes"], splitRows),
    "",
    table(["component", "filter", "records", "tokens", "truncated", "dropped at render"], componentRows),
    "",
    "## Deduplication and decontamination",
    "",
    `- exact duplicates removed: ${plan.dedup.exact.length}`,
    `- near duplicates removed: ${plan.dedup.near.length}${recipe.dedup.near ? ` (similarity ≥ ${recipe.dedup.threshold})` : ""}`,
    ...(decontamination.length ? decontamination : ["- no decontamination list removed anything"]),
    "",
    licenceSection(manifest),
    "",
    loading(manifest),
    "",
    "## Recipe",
    "",
    codeBlock("json", JSON.stringify(recipe, null, 2)),
    "",
  ].join("\n");
}
