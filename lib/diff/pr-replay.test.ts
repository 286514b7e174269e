import { describe, expect, it } from "vitest";
import { normalizedEpisodeSchema } from "@/lib/formats/episode";
import { prSampleFormat } from "@/lib/formats/pr-sample";
import { applyPrEdit } from "@/lib/sample/pr-edits";
import { generatePrSample } from "@/lib/sample/pr-sample";
import { createRng } from "@/lib/sample/random";
import { partsWithSteps } from "./fixture-episodes";
import { fileAt, findFile, replayEdits } from "./repo-state";

describe("pull-request samples replay from their relevant files", () => {
  it("every file of 60 generated samples ends as applying the sample's edits says, whole, and agrees with the commits' patch", () => {
    let files = 0;
    for (let seed = 0; seed < 60; seed++) {
      const sample = generatePrSample(createRng(seed));
      const parsed = prSampleFormat.parse(sample, { fileName: "pr.jsonl", location: 1 });
      if (parsed.type !== "episodes") throw new Error("expected an episode");
      const episode = normalizedEpisodeSchema.parse(parsed.episodes[0]);
      const history = replayEdits(partsWithSteps(episode), { finalPatch: episode.finalPatch, baseFiles: episode.pullRequest?.files });

      const expected = new Map(sample.files.map((f) => [f.path, f.content]));
      for (const edit of sample.edits) applyPrEdit(expected, edit);
      const touched = new Set(sample.edits.flatMap((e) => (e.op === "rename" ? [e.path, e.new_path] : [e.path])));
      for (const path of touched) {
        const file = findFile(history, path);
        expect(file, `${sample.id} ${path}`).not.toBeNull();
        const end = fileAt(file!, episode.steps.length);
        const content = expected.get(path);
        expect(end.knowledge, `${sample.id} ${path}`).toEqual(content === undefined ? { kind: "absent" } : { kind: "full", text: content });
        expect(file!.states.every((s) => !s.error), `${sample.id} ${path}`).toBe(true);
        expect(file!.finalDisagrees, `${sample.id} ${path}`).toBe(false);
        files++;
      }
    }
    expect(files).toBeGreaterThan(100);
  });
});
