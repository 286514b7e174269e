/**
 * Function calls written inside assistant text, as R2E-Gym, OpenHands' non-function-calling mode
 * and many SFT datasets do:
 *
 *   <function=bash>
 *   <parameter=command>ls</parameter>
 *   </function>
 *
 * Scans with indexOf only (no regex over the text), so a megabyte-long message costs one pass.
 */

export type XmlFunctionCall = { name: string; arguments: Record<string, string> };

export type ParsedXmlCalls = {
  calls: XmlFunctionCall[];
  /** The text outside the calls, trimmed (the model's visible reasoning). */
  text: string;
};

const functionOpen = "<function=";
const functionClose = "</function>";
const parameterOpen = "<parameter=";
const parameterClose = "</parameter>";
const namePattern = /^[\w.:-]{1,100}$/;

export function parseXmlFunctionCalls(text: string): ParsedXmlCalls {
  const calls: XmlFunctionCall[] = [];
  const outside: string[] = [];
  const gt = new NextIndex(text, ">");
  let pos = 0;
  for (;;) {
    const start = text.indexOf(functionOpen, pos);
    if (start === -1) break;
    const nameEnd = gt.from(start + functionOpen.length);
    if (nameEnd === -1) break;
    const name = text.slice(start + functionOpen.length, nameEnd).trim();
    if (!namePattern.test(name)) {
      outside.push(text.slice(pos, start + functionOpen.length));
      pos = start + functionOpen.length;
      continue;
    }
    outside.push(text.slice(pos, start));
    // Generation often stops on the closing tag, so an unclosed last call runs to the end.
    const close = text.indexOf(functionClose, nameEnd + 1);
    const bodyEnd = close === -1 ? text.length : close;
    calls.push({ name, arguments: parseParameters(text.slice(nameEnd + 1, bodyEnd)) });
    pos = close === -1 ? text.length : close + functionClose.length;
  }
  outside.push(text.slice(pos));
  return { calls, text: outside.join("").trim() };
}

function parseParameters(body: string): Record<string, string> {
  const args: Record<string, string> = {};
  const gt = new NextIndex(body, ">");
  let pos = 0;
  for (;;) {
    const start = body.indexOf(parameterOpen, pos);
    if (start === -1) break;
    const keyEnd = gt.from(start + parameterOpen.length);
    if (keyEnd === -1) break;
    const key = body.slice(start + parameterOpen.length, keyEnd).trim();
    if (!namePattern.test(key)) {
      pos = start + parameterOpen.length;
      continue;
    }
    const close = body.indexOf(parameterClose, keyEnd + 1);
    const valueEnd = close === -1 ? body.length : close;
    args[key] = trimOneNewline(body.slice(keyEnd + 1, valueEnd));
    pos = close === -1 ? body.length : close + parameterClose.length;
  }
  return args;
}

/** Values are usually laid out `>\nvalue\n<`; strip only that, since edits depend on whitespace. */
function trimOneNewline(value: string): string {
  const start = value.startsWith("\r\n") ? 2 : value.startsWith("\n") ? 1 : 0;
  const end = value.endsWith("\r\n") ? value.length - 2 : value.endsWith("\n") ? value.length - 1 : value.length;
  return start <= end ? value.slice(start, end) : "";
}

/**
 * Memoized `indexOf` for a needle searched from increasing positions: a run of malformed openings
 * before one distant `>` would otherwise rescan the same stretch each time.
 */
class NextIndex {
  private found = -2;
  constructor(
    private readonly text: string,
    private readonly needle: string,
  ) {}

  from(position: number): number {
    if (this.found === -1 || this.found >= position) return this.found;
    this.found = this.text.indexOf(this.needle, position);
    return this.found;
  }
}
