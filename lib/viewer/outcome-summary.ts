/**
 * The header's outcome: what the trajectory recorded (`episode_contents.outcome`) with what
 * SWE-bench side files added (`attached`) winning, as ingest computes the columns
 * (lib/ingest/attachments.ts). Both JSON columns are validated on read; a malformed one counts as
 * absent. Pure.
 */
import { outcomeSchema, testListSchema, type TestList } from "@/lib/formats/episode";
import { attachedSchema } from "@/lib/ingest/attachments";

export type TestListSummary = { passed: number; failed: number; failing: string[] };

export type OutcomeSummary = {
  exitStatusRaw: string | null;
  error: string | null;
  failToPass: TestListSummary | null;
  passToPass: TestListSummary | null;
  /** Side files that contributed (prediction, instance_report, run_report). */
  sources: string[];
};

const recordedSchema = outcomeSchema.partial().extend({ failToPass: testListSchema.nullable().optional(), passToPass: testListSchema.nullable().optional() });

function summarize(list: TestList | null | undefined): TestListSummary | null {
  return list ? { passed: list.success.length, failed: list.failure.length, failing: list.failure } : null;
}

export function summarizeOutcome(outcome: unknown, attached: unknown): OutcomeSummary {
  const recorded = recordedSchema.catch({}).parse(outcome ?? {});
  const added = attached == null ? null : attachedSchema.nullable().catch(null).parse(attached);
  return {
    exitStatusRaw: recorded.exitStatusRaw ?? null,
    error: recorded.error ?? null,
    failToPass: summarize(added?.failToPass ?? recorded.failToPass),
    passToPass: summarize(added?.passToPass ?? recorded.passToPass),
    sources: added?.sources ?? [],
  };
}

/** The final patch the episode recorded, else the one a SWE-bench predictions file supplied. */
export function effectivePatch(recorded: string | null | undefined, attached: unknown): string | null {
  if (recorded?.trim()) return recorded;
  const added = attached == null ? null : attachedSchema.nullable().catch(null).parse(attached);
  return added?.patch ?? null;
}
