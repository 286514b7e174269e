/**
 * Test helper: the shared fixtures read the way the importer reads them (split into records,
 * detect the format on the first, parse every record), so diff tests run on real normalized
 * episodes rather than hand-made ones.
 */
import fs from "node:fs";
import { formatModules } from "@/lib/formats";
import { detectFormat, type DetectionCandidate } from "@/lib/formats/detect";
import { normalizedEpisodeSchema, type NormalizedEpisode, type StepPart } from "@/lib/formats/episode";
import { fixturePath } from "@/lib/testing/fixtures";

function candidates(text: string, name: string): { candidates: DetectionCandidate[]; records: Record<string, unknown[]> } {
  if (name.endsWith(".jsonl")) {
    const rows = text.split("\n").filter((line) => line.trim() !== "").map((line) => JSON.parse(line) as unknown);
    return { candidates: [{ container: "jsonl", sample: rows[0] }], records: { jsonl: rows } };
  }
  const document: unknown = JSON.parse(text);
  const list: DetectionCandidate[] = [{ container: "document", sample: document }];
  if (Array.isArray(document)) list.unshift({ container: "json-array", sample: document[0] });
  return { candidates: list, records: { document: [document], "json-array": Array.isArray(document) ? document : [] } };
}

export function fixtureEpisodes(name: string): NormalizedEpisode[] {
  const { candidates: offered, records } = candidates(fs.readFileSync(fixturePath(name), "utf8"), name);
  const detection = detectFormat(formatModules, offered, name);
  if (!detection) throw new Error(`no format claims ${name}`);
  return records[detection.container].flatMap((record, index) => {
    const parsed = detection.module.parse(record, { fileName: name, location: index + 1 });
    return parsed.type === "episodes" ? parsed.episodes.map((e) => normalizedEpisodeSchema.parse(e)) : [];
  });
}

/** Every part of an episode with its step index, in order (the edits endpoint sends the subset that replays the same). */
export function partsWithSteps(episode: NormalizedEpisode): { stepIdx: number; part: StepPart }[] {
  return episode.steps.flatMap((step, stepIdx) => step.parts.map((part) => ({ stepIdx, part })));
}
