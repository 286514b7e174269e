/**
 * What the text templates produce before assembly: segments of text, each from one step (or
 * from no step: a head that is always kept, a tail kept only when nothing is cut), with the part
 * of the segment that is trained on. Segments are joined by one newline.
 */
export type TextSegment = {
  /** The step it renders; null for head/tail segments. */
  step: number | null;
  text: string;
  /** The trained-on range within `text`, or null. */
  span: [number, number] | null;
  isAssistant: boolean;
};

export type TemplateOutput = {
  head: TextSegment[];
  body: TextSegment[];
  tail: TextSegment[];
  /** Whether a cut after `end` body segments leaves a valid conversation (see truncate.ts). */
  isValidEnd(end: number): boolean;
  droppedSteps: number;
  droppedToolResults: number;
};

export function assembleText(segments: readonly TextSegment[]): { text: string; spans: [number, number][] } {
  const parts: string[] = [];
  const spans: [number, number][] = [];
  let length = 0;
  for (const segment of segments) {
    if (parts.length > 0) {
      parts.push("\n");
      length += 1;
    }
    if (segment.span && segment.span[1] > segment.span[0]) spans.push([length + segment.span[0], length + segment.span[1]]);
    parts.push(segment.text);
    length += segment.text.length;
  }
  return { text: parts.join(""), spans };
}

/** Reasoning as the `<think>` block models trained on R1-style data expect. */
export function thinkBlock(reasoning: string): string {
  return `<think>\n${reasoning}\n</think>`;
}

/**
 * A call in the SWE-smith / R2E XML style that lib/formats/xml-calls.ts parses. Each value sits
 * between newlines, which the parser strips exactly once, so any value (leading or trailing
 * newlines included) reads back unchanged — unless it contains `</parameter>` or `</function>`.
 * Non-string values are written as JSON. Keys are sorted.
 */
export function xmlCall(name: string, args: Record<string, unknown> | null, rawArguments: string): string {
  const lines = [`<function=${name}>`];
  if (args === null) lines.push(rawArguments);
  else for (const key of Object.keys(args).sort(compare)) lines.push(`<parameter=${key}>\n${parameterValue(args[key])}\n</parameter>`);
  lines.push("</function>");
  return lines.join("\n");
}

function parameterValue(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
