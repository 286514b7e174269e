/**
 * Which format module owns a file. Every module scores the file's first record; the best score
 * wins if it is confident enough. A file that starts with `[` is offered both ways: as an array of
 * records (chat rows) and as one document that is an array (an OpenHands event list).
 */
import type { Container, FormatModule } from "./format-module";

export type DetectionCandidate = { container: Container; sample: unknown };

export type Detection = { module: FormatModule; container: Container; confidence: number };

const minimumConfidence = 0.5;

export function detectFormat(
  modules: readonly FormatModule[],
  candidates: readonly DetectionCandidate[],
  fileName: string,
): Detection | null {
  let best: Detection | null = null;
  for (const candidate of candidates) {
    for (const module of modules) {
      let confidence = 0;
      try {
        confidence = module.detect(candidate.sample, { fileName, container: candidate.container });
      } catch {
        // A detector that trips on odd input simply does not claim the file.
      }
      if (confidence >= minimumConfidence && (!best || confidence > best.confidence)) {
        best = { module, container: candidate.container, confidence };
      }
    }
  }
  return best;
}
