/**
 * A step's signature: what it did, reduced to what two attempts can share. Two agents rarely
 * write the same thought, but they often run the same command or open the same file, so the
 * signature is the step kind, the tool, and the command (or edited path, or first line of text),
 * whitespace-normalized and cut short.
 */

/** The few fields of a stored step the signature needs (see `getStepSignatures`). */
export type SignatureInput = {
  idx: number;
  kind: string;
  toolName: string | null;
  /** The call's `command` / `cmd` / `code` argument (`commandArguments`), when it has one. */
  command: string | null;
  /** The edited or viewed path, when the step names one. */
  path: string | null;
  /** The start of the step's text. */
  head: string;
};

export type StepSignature = {
  idx: number;
  kind: string;
  tool: string | null;
  detail: string;
};

const DETAIL_CHARS = 120;

/** The arguments a call's command is read from, in order (bash, some harnesses, code tools). */
export const commandArguments = ["command", "cmd", "code"] as const;

/** Lines like "OBSERVATION:" or "THOUGHT:" that harnesses put before every step say nothing about it. */
const bareLabel = /^[A-Za-z][\w ]{0,30}:$/;

function firstLine(text: string): string {
  for (const line of text.split("\n")) {
    const trimmed = line.replace(/\s+/g, " ").trim();
    if (trimmed !== "" && !bareLabel.test(trimmed)) return trimmed;
  }
  return "";
}

export function stepSignature(step: SignatureInput): StepSignature {
  const action = [step.command ? firstLine(step.command) : "", step.path ?? ""].filter((s) => s !== "").join(" ");
  const detail = (action || firstLine(step.head)).slice(0, DETAIL_CHARS);
  return { idx: step.idx, kind: step.kind, tool: step.toolName, detail };
}

/** How alike two steps are: the same action, the same kind of action, or nothing in common. */
export function stepLikeness(a: StepSignature, b: StepSignature): "same" | "similar" | "different" {
  if (a.kind !== b.kind || a.tool !== b.tool) return "different";
  return a.detail === b.detail ? "same" : "similar";
}

