/**
 * A fixture file parsed by its format module alone, as import would read it but without the
 * database: for tests that compare what was stored or exported against the parser's own output.
 */
import { formatModules } from "@/lib/formats";
import { detectFormat } from "@/lib/formats/detect";
import type { NormalizedEpisode } from "@/lib/formats/episode";
import { openRecordFile } from "@/lib/ingest/read-file";
import { fixturePath } from "./fixtures";

export async function parseFixture(name: string): Promise<{ format: string; episodes: NormalizedEpisode[] }> {
  const opened = await openRecordFile(fixturePath(name), Number.MAX_SAFE_INTEGER);
  const detection = detectFormat(formatModules, opened.candidates, name);
  if (!detection) throw new Error(`${name}: no format recognises it`);
  const episodes: NormalizedEpisode[] = [];
  for await (const record of opened.records(detection.container)) {
    if ("error" in record) throw new Error(`${name}:${record.line}: ${record.error}`);
    const parsed = detection.module.parse(record.value, { fileName: name, location: record.location });
    if (parsed.type === "episodes") episodes.push(...parsed.episodes);
  }
  return { format: detection.module.name, episodes };
}
