import path from "node:path";
import { atelierDir } from "@/lib/runtime/local-database";
import { loadSampleData } from "@/lib/setup/sample-data";

export async function seedCommand(options: { force?: boolean }): Promise<number> {
  const summary = await loadSampleData(path.join(atelierDir, "sample"), { force: options.force });
  if (!summary) {
    console.log("The database already has episodes; pass --force to load the sample anyway.");
    return 0;
  }
  console.log(`Sample data: imported ${summary.imported} episodes (${summary.duplicates} duplicates, ${summary.invalid} invalid).`);
  return summary.status === "committed" ? 0 : 1;
}
