/** The OpenHands, chat and PR-sample modules each claim their own fixtures and nothing else among 01-12. */
import { describe, expect, it } from "vitest";
import { hasFixtures, readFixtureJson, readFixtureJsonl } from "@/lib/testing/fixtures";
import { chatFormat } from "./chat";
import type { Container, FormatModule } from "./format-module";
import { openHandsFormat } from "./openhands";
import { prSampleFormat } from "./pr-sample";

const modules = [openHandsFormat, chatFormat, prSampleFormat];

/** Which module owns each fixture, and through which container. */
const owners: Record<string, { module: FormatModule; container: Container } | null> = {
  "01_swe-agent-v0_pydicom__pydicom-1458.traj": null,
  "02_swe-agent-v0_all_preds.jsonl": null,
  "03_swe-agent-v1.0.1_pandas-dev__pandas.95280573.pr_53856.traj": null,
  "04_swe-smith_run-level-report.json": null,
  "05_mini-swe-agent-1_django__django-15731.traj.json": null,
  "06_swebench-instance-report_django__django-15731.json": null,
  "07_mini-swe-agent-1_django__django-16950.traj.json": null,
  "08_swebench-instance-report_django__django-16950.json": null,
  "09_mini-swe-agent-1_psf__requests-1142_HUGE.traj.json": null,
  "10_openhands-v0_multi-swe-bench_output.jsonl": { module: openHandsFormat, container: "jsonl" },
  "11_openhands-v0_event-stream_basic.json": { module: openHandsFormat, container: "document" },
  "12_swe-gym_openhands-sampled-trajectories_5rows.json": { module: chatFormat, container: "json-array" },
};

/** Every way ingest may offer the file: a top-level array both as records and as one document. */
function candidates(fileName: string): { sample: unknown; container: Container }[] {
  if (fileName.endsWith(".jsonl")) return [{ sample: readFixtureJsonl(fileName)[0], container: "jsonl" }];
  const value = readFixtureJson(fileName);
  if (!Array.isArray(value)) return [{ sample: value, container: "document" }];
  return [
    { sample: value[0], container: "json-array" },
    { sample: value, container: "document" },
  ];
}

describe.skipIf(!hasFixtures)("detect on fixtures 01-12", () => {
  for (const [fileName, owner] of Object.entries(owners)) {
    it(`${fileName} is claimed by ${owner ? `${owner.module.name} as ${owner.container}` : "none of these modules"}`, () => {
      for (const { sample, container } of candidates(fileName)) {
        for (const module of modules) {
          const confidence = module.detect(sample, { fileName, container });
          const label = `${module.name} on ${container}`;
          if (owner?.module === module && owner.container === container) expect(confidence, label).toBeGreaterThanOrEqual(0.9);
          else expect(confidence, label).toBe(0);
        }
      }
    });
  }
});
