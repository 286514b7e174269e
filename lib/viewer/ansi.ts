/**
 * Terminal output as safe, styled lines. SGR colour and text attributes become segments with
 * class names from a fixed palette (never inline styles or markup built from the data); every
 * other escape sequence and control character is dropped; bidirectional-override characters,
 * which could make the text read differently from what it is, are shown as visible markers.
 * Pure: the observation renderer maps segments to <span>s and React escapes the text.
 */
import { applySgr, classNameOf, plain } from "./sgr";

export type AnsiSegment = { text: string; className: string };
export type AnsiLine = AnsiSegment[];

/** Shown instead of a bidi control character, so it cannot reorder what follows. */
export const controlMarkerClass = "ansi-control rounded bg-amber-200 px-0.5 text-amber-900";

const ESC = 0x1b;
const BEL = 0x07;
const CSI8 = 0x9b;
const OSC8 = 0x9d;

export function isBidiControl(code: number): boolean {
  return (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069) || code === 0x200e || code === 0x200f || code === 0x061c;
}

export function controlMarker(code: number): string {
  return `⟨U+${code.toString(16).toUpperCase().padStart(4, "0")}⟩`;
}

/** End (exclusive) of an OSC / DCS / APC string starting at `from`: BEL or ESC \ ends it. */
function endOfString(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === BEL) return i + 1;
    if (c === ESC && text.charCodeAt(i + 1) === 0x5c) return i + 2;
    if (c === 0x9c) return i + 1;
  }
  return text.length;
}

/** End (exclusive) of a CSI whose parameters start at `from`, and its parameters and final byte. */
function readCsi(text: string, from: number): { end: number; params: string; final: string } {
  let i = from;
  while (i < text.length && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x3f) i++;
  const params = text.slice(from, i);
  while (i < text.length && text.charCodeAt(i) >= 0x20 && text.charCodeAt(i) <= 0x2f) i++;
  const final = i < text.length && text.charCodeAt(i) >= 0x40 && text.charCodeAt(i) <= 0x7e ? text[i] : "";
  return { end: final ? i + 1 : i, params, final };
}

class LineBuilder {
  readonly lines: AnsiLine[] = [];
  private line: AnsiLine = [];
  private pending = "";
  private pendingClass = "";
  /** A bare carriage return: the next text overwrites the line (progress bars), as a terminal shows it. */
  private isReturned = false;

  text(chunk: string, className: string): void {
    if (chunk === "") return;
    if (this.isReturned) {
      this.line = [];
      this.pending = "";
      this.isReturned = false;
    }
    if (className !== this.pendingClass) this.flush();
    this.pendingClass = className;
    this.pending += chunk;
  }

  carriageReturn(): void {
    this.flush();
    this.isReturned = true;
  }

  newline(): void {
    this.flush();
    this.lines.push(this.line);
    this.line = [];
    this.isReturned = false;
  }

  finish(): AnsiLine[] {
    this.flush();
    this.lines.push(this.line);
    return this.lines;
  }

  private flush(): void {
    if (this.pending === "") return;
    this.line.push({ text: this.pending, className: this.pendingClass });
    this.pending = "";
  }
}

/** Splits terminal output into lines of styled segments (see the file comment). */
export function parseAnsi(text: string): AnsiLine[] {
  const out = new LineBuilder();
  let style = plain;
  let className = "";
  let runStart = 0;
  const flushRun = (end: number) => {
    if (end > runStart) out.text(text.slice(runStart, end), className);
  };
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    const isPrintable = c >= 0x20 ? c !== 0x7f && !(c >= 0x80 && c <= 0x9f) && !isBidiControl(c) : c === 0x09;
    if (isPrintable) {
      i++;
      continue;
    }
    flushRun(i);
    let next = i + 1;
    if (c === 0x0a) out.newline();
    else if (c === 0x0d) {
      if (text.charCodeAt(i + 1) === 0x0a) {
        out.newline();
        next = i + 2;
      } else out.carriageReturn();
    } else if (isBidiControl(c)) out.text(controlMarker(c), controlMarkerClass);
    else if (c === ESC || c === CSI8 || c === OSC8) {
      const introducer = c === ESC ? text[i + 1] : c === CSI8 ? "[" : "]";
      const start = c === ESC ? i + 2 : i + 1;
      if (introducer === "[") {
        const csi = readCsi(text, start);
        if (csi.final === "m") {
          style = applySgr(style, csi.params);
          className = classNameOf(style);
        }
        next = csi.end;
      } else if (introducer === "]" || introducer === "P" || introducer === "_" || introducer === "^" || introducer === "X") {
        next = endOfString(text, start);
      } else if (introducer === "(" || introducer === ")" || introducer === "#" || introducer === "%") {
        next = Math.min(text.length, i + 3);
      } else if (introducer !== undefined) {
        next = i + 2;
      }
    }
    i = next;
    runStart = i;
  }
  flushRun(text.length);
  return out.finish();
}

/** The plain text a reader sees (what search matches against). */
export function lineText(line: AnsiLine): string {
  return line.map((s) => s.text).join("");
}

/** The text without escapes and controls, lines joined with \n. */
export function stripAnsi(text: string): string {
  return parseAnsi(text).map(lineText).join("\n");
}

const bidiControls = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;

/** Text with bidi controls replaced by visible markers, for places that render plain strings (Markdown). */
export function revealBidiControls(text: string): string {
  return text.replace(bidiControls, (c) => controlMarker(c.charCodeAt(0)));
}
