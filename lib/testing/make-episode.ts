/** A minimal valid normalized episode for tests; pass only what the test is about. */
import { emptyOutcome, emptySourceMetrics, type NormalizedEpisode, type Step } from "@/lib/formats/episode";

export function makeEpisode(steps: Step[], extra: Partial<NormalizedEpisode> = {}): NormalizedEpisode {
  return {
    kind: "environmental",
    sourceFormat: "test",
    formatVersion: null,
    instanceId: null,
    repo: null,
    baseCommit: null,
    taskText: null,
    agent: null,
    model: null,
    attempt: null,
    outcome: emptyOutcome(),
    sourceMetrics: emptySourceMetrics(),
    finalPatch: null,
    goldPatch: null,
    testPatch: null,
    pullRequest: null,
    steps,
    meta: {},
    ...extra,
  };
}
