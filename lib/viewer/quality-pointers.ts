/**
 * Each quality flag of an episode with where to look: the step the stored signals point to (a
 * loop's span, the first leaked secret, the last step for a limit), the final patch for patch
 * flags, or the outcome for a regression. `quality` is the JSON column, validated on read. Pure.
 */
import { qualitySignalsSchema, type QualitySignals } from "@/lib/quality/signals";

export type FlagPointer = {
  flag: string;
  label: string;
  detail: string | null;
  /** Step to open, and for a span its last step. */
  step: number | null;
  stepEnd: number | null;
  /** Where else to look when no step is meant. */
  target: "patch" | "outcome" | null;
};

const words = (value: string) => value.replaceAll("_", " ");
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
const listed = (items: string[], max = 3) => (items.length > max ? `${items.slice(0, max).join(", ")} and ${items.length - max} more` : items.join(", "));

function pointerFor(flag: string, quality: QualitySignals | null, stepCount: number): FlagPointer {
  const base: FlagPointer = { flag, label: words(flag), detail: null, step: null, stepEnd: null, target: null };
  const patch = quality?.patch;
  switch (flag) {
    case "stuck_loop": {
      const loop = quality?.loop;
      return loop ? { ...base, detail: `${words(loop.kind)}, steps ${loop.startStep}–${loop.endStep}`, step: loop.startStep, stepEnd: loop.endStep } : base;
    }
    case "secret": {
      const secrets = quality?.secrets ?? [];
      const first = secrets.find((s) => s.stepIndex !== null);
      const kinds = [...new Set(secrets.map((s) => s.kind))];
      const places = [...new Set(secrets.map((s) => (s.source === "step" ? "steps" : `the ${s.source}`)))];
      const detail = secrets.length > 0 ? `${listed(kinds)} in ${places.join(" and ")}` : null;
      return { ...base, detail, step: first?.stepIndex ?? null, target: first ? null : secrets.some((s) => s.source === "patch") ? "patch" : null };
    }
    case "hit_limit":
      return { ...base, detail: quality ? words(quality.exitStatusClass) : null, step: stepCount > 0 ? stepCount - 1 : null };
    case "tool_parse_error":
      return { ...base, detail: quality ? `${plural(quality.toolCallParseErrors, "call")} with unparsable arguments` : null };
    case "regression":
      return { ...base, detail: "PASS_TO_PASS tests fail", target: "outcome" };
    case "empty_patch":
      return { ...base, target: "patch" };
    case "huge_patch":
      return { ...base, detail: patch ? `${patch.bytes.toLocaleString("en-US")} bytes, ${plural(patch.filesTouched, "file")}` : null, target: "patch" };
    case "junk_in_patch":
      return { ...base, detail: patch ? listed([...patch.junkPaths, ...(patch.hasBinary ? ["binary content"] : [])]) || null : null, target: "patch" };
    case "edits_tests":
      return { ...base, detail: patch ? listed(patch.testFilesEdited) || null : null, target: "patch" };
    default:
      return base;
  }
}

export function flagPointers(flags: readonly string[], quality: unknown, stepCount: number): FlagPointer[] {
  const parsed = qualitySignalsSchema.safeParse(quality);
  return flags.map((flag) => pointerFor(flag, parsed.success ? parsed.data : null, stepCount));
}
