/**
 * Step bodies are sent to the browser in ranges, and no response may grow past a few MB even when
 * one observation is a megabyte of `git diff`. Every long text field of a step part is cut to its
 * head and tail here; the cut is described (where, how many characters and newlines are missing)
 * so the viewer can show a gap with "load the full step", which fetches that step alone. Pure.
 */
import type { StepPart } from "@/lib/formats/episode";

export type FieldClip = {
  /** Index into the step's parts. */
  part: number;
  /** `text`, `oldText`, `newText`, `diff`, `before`, `after`, or `arguments.<key>`. */
  field: string;
  /** Where in the sent value the omitted text was. */
  at: number;
  omittedChars: number;
  omittedLines: number;
};

export const FIELD_CAP_CHARS = 64_000;
/** Upper bound for "load the full step": one field past this is still cut (4 MB of text in one box is unreadable anyway). */
export const FULL_STEP_FIELD_CAP_CHARS = 4_000_000;

const editFields = ["oldText", "newText", "diff", "before", "after"] as const;

/** Splits a long text into head and tail around the cut, never inside a surrogate pair. */
export function capText(text: string, cap: number): { text: string; clip: Omit<FieldClip, "part" | "field"> | null } {
  if (text.length <= cap) return { text, clip: null };
  let headEnd = Math.floor((cap * 3) / 4);
  let tailStart = text.length - (cap - headEnd);
  if (isLowSurrogate(text.charCodeAt(headEnd))) headEnd--;
  if (isLowSurrogate(text.charCodeAt(tailStart))) tailStart++;
  const omitted = text.slice(headEnd, tailStart);
  return {
    text: text.slice(0, headEnd) + text.slice(tailStart),
    clip: { at: headEnd, omittedChars: omitted.length, omittedLines: countNewlines(omitted) },
  };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

type Capped = { parts: StepPart[]; clips: FieldClip[]; chars: number };

/** The parts with every long string field cut to `cap` characters, and what was cut. */
export function capParts(parts: readonly StepPart[], cap: number = FIELD_CAP_CHARS): Capped {
  const clips: FieldClip[] = [];
  let chars = 0;
  const cut = (value: string, part: number, field: string): string => {
    const { text, clip } = capText(value, cap);
    if (clip) clips.push({ part, field, ...clip });
    chars += text.length;
    return text;
  };
  const capped = parts.map((part, index): StepPart => {
    switch (part.type) {
      case "message":
      case "reasoning":
      case "observation":
        return { ...part, text: cut(part.text, index, "text") };
      case "tool_call": {
        const args: Record<string, unknown> = {};
        for (const [key, value] of Object.entries(part.arguments)) {
          if (typeof value === "string") args[key] = cut(value, index, `arguments.${key}`);
          else {
            // A small structured value stays as it is; a huge one is sent as cut JSON text.
            const json = JSON.stringify(value) ?? "";
            args[key] = json.length > cap ? cut(json, index, `arguments.${key}`) : value;
            if (json.length <= cap) chars += json.length;
          }
        }
        return { ...part, arguments: args };
      }
      case "file_edit": {
        const edit = { ...part };
        for (const field of editFields) {
          const value = edit[field];
          if (typeof value === "string") edit[field] = cut(value, index, field);
        }
        chars += part.path.length;
        return edit;
      }
    }
  });
  return { parts: capped, clips, chars };
}

const META_STRING_CHARS = 200;

/** The per-step extras worth showing beside a step (timestamp, timing, cost, mask…): scalars only. */
export function scalarMeta(meta: unknown): Record<string, string | number | boolean> {
  if (!meta || typeof meta !== "object" || Array.isArray(meta)) return {};
  const kept: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(meta)) {
    if (typeof value === "number" || typeof value === "boolean") kept[key] = value;
    else if (typeof value === "string" && value.length <= META_STRING_CHARS) kept[key] = value;
  }
  return kept;
}
