/**
 * Terminal output as safe, styled lines. SGR colour and text attributes become segments with
 * class names from a fixed palette (never inline styles or markup built from the data); every
 * other escape sequence and control character is dropped; bidirectional-override characters,
 * which could make the text read differently from what it is, are shown as visible markers.
 * Pure: the observation renderer maps segments to <span>s and React escapes the text.
 */

export type AnsiSegment = { text: string; className: string };
export type AnsiLine = AnsiSegment[];

const colorNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"] as const;
type ColorName = (typeof colorNames)[number];
/** One of the 16 terminal colours: a name, bright or not. */
type Color = { name: ColorName; isBright: boolean };

type Style = {
  fg: Color | null;
  bg: Color | null;
  isBold: boolean;
  isDim: boolean;
  isItalic: boolean;
  isUnderline: boolean;
  isStrike: boolean;
  isInverse: boolean;
};

const plain: Style = {
  fg: null,
  bg: null,
  isBold: false,
  isDim: false,
  isItalic: false,
  isUnderline: false,
  isStrike: false,
  isInverse: false,
};

// Literal class names, so Tailwind finds them; tuned for the dark output box.
const foreground: Record<ColorName, [normal: string, bright: string]> = {
  black: ["text-stone-500", "text-stone-400"],
  red: ["text-red-400", "text-red-300"],
  green: ["text-green-400", "text-green-300"],
  yellow: ["text-yellow-300", "text-yellow-200"],
  blue: ["text-blue-400", "text-blue-300"],
  magenta: ["text-fuchsia-400", "text-fuchsia-300"],
  cyan: ["text-cyan-300", "text-cyan-200"],
  white: ["text-stone-200", "text-white"],
};
const background: Record<ColorName, [normal: string, bright: string]> = {
  black: ["bg-black", "bg-stone-700"],
  red: ["bg-red-900", "bg-red-700"],
  green: ["bg-green-900", "bg-green-700"],
  yellow: ["bg-yellow-800", "bg-yellow-600"],
  blue: ["bg-blue-900", "bg-blue-700"],
  magenta: ["bg-fuchsia-900", "bg-fuchsia-700"],
  cyan: ["bg-cyan-900", "bg-cyan-700"],
  white: ["bg-stone-400", "bg-stone-200"],
};

/** Shown instead of a bidi control character, so it cannot reorder what follows. */
export const controlMarkerClass = "ansi-control rounded bg-amber-200 px-0.5 text-amber-900";

function colorClasses(fg: Color | null, bg: Color | null): string[] {
  const classes: string[] = [];
  if (fg) classes.push(`ansi-fg-${fg.isBright ? "bright-" : ""}${fg.name}`, foreground[fg.name][fg.isBright ? 1 : 0]);
  if (bg) classes.push(`ansi-bg-${bg.isBright ? "bright-" : ""}${bg.name}`, background[bg.name][bg.isBright ? 1 : 0]);
  return classes;
}

const black: Color = { name: "black", isBright: false };
const white: Color = { name: "white", isBright: false };

export function classNameOf(style: Style): string {
  // Inverse swaps the colours; with no colours set, a light block on the dark box.
  const [fg, bg]: (Color | null)[] = style.isInverse ? [style.bg ?? black, style.fg ?? white] : [style.fg, style.bg];
  const classes = colorClasses(fg, bg);
  if (style.isBold) classes.push("font-bold");
  if (style.isDim) classes.push("opacity-70");
  if (style.isItalic) classes.push("italic");
  if (style.isUnderline) classes.push("underline");
  if (style.isStrike) classes.push("line-through");
  return classes.join(" ");
}

/** xterm's 256-colour index to the nearest of the 16 named colours. */
function color256(n: number): Color | null {
  if (!Number.isInteger(n) || n < 0 || n > 255) return null;
  if (n < 16) return { name: colorNames[n % 8], isBright: n >= 8 };
  if (n >= 232) {
    const level = n - 232;
    return level < 8 ? { name: "black", isBright: level >= 4 } : { name: "white", isBright: level >= 18 };
  }
  const i = n - 16;
  const level = (v: number) => (v === 0 ? 0 : 55 + v * 40);
  return nearestColor(level(Math.floor(i / 36)), level(Math.floor(i / 6) % 6), level(i % 6));
}

const palette: [Color, number, number, number][] = [
  [{ name: "black", isBright: false }, 0, 0, 0],
  [{ name: "red", isBright: false }, 205, 0, 0],
  [{ name: "green", isBright: false }, 0, 205, 0],
  [{ name: "yellow", isBright: false }, 205, 205, 0],
  [{ name: "blue", isBright: false }, 0, 0, 238],
  [{ name: "magenta", isBright: false }, 205, 0, 205],
  [{ name: "cyan", isBright: false }, 0, 205, 205],
  [{ name: "white", isBright: false }, 229, 229, 229],
  [{ name: "black", isBright: true }, 127, 127, 127],
  [{ name: "red", isBright: true }, 255, 0, 0],
  [{ name: "green", isBright: true }, 0, 255, 0],
  [{ name: "yellow", isBright: true }, 255, 255, 0],
  [{ name: "blue", isBright: true }, 92, 92, 255],
  [{ name: "magenta", isBright: true }, 255, 0, 255],
  [{ name: "cyan", isBright: true }, 0, 255, 255],
  [{ name: "white", isBright: true }, 255, 255, 255],
];

function nearestColor(r: number, g: number, b: number): Color {
  let best = palette[0];
  let bestDistance = Infinity;
  for (const entry of palette) {
    const distance = (entry[1] - r) ** 2 + (entry[2] - g) ** 2 + (entry[3] - b) ** 2;
    if (distance < bestDistance) [best, bestDistance] = [entry, distance];
  }
  return best[0];
}

/** 38;5;n / 38;2;r;g;b (and 48;…): the colour and how many parameters it used. */
function extendedColor(codes: number[], at: number): [Color | null, number] {
  if (codes[at + 1] === 5) return [color256(codes[at + 2]), 3];
  if (codes[at + 1] === 2) {
    const [r, g, b] = codes.slice(at + 2, at + 5);
    const isValid = [r, g, b].every((v) => Number.isInteger(v) && v >= 0 && v <= 255);
    return [isValid ? nearestColor(r, g, b) : null, 5];
  }
  return [null, 1];
}

export function applySgr(style: Style, params: string): Style {
  const codes = params === "" ? [0] : params.split(/[;:]/).map((p) => (p === "" ? 0 : Number(p)));
  let next = { ...style };
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i];
    if (code === 0) next = { ...plain };
    else if (code === 1) next.isBold = true;
    else if (code === 2) next.isDim = true;
    else if (code === 3) next.isItalic = true;
    else if (code === 4) next.isUnderline = true;
    else if (code === 7) next.isInverse = true;
    else if (code === 9) next.isStrike = true;
    else if (code === 22) [next.isBold, next.isDim] = [false, false];
    else if (code === 23) next.isItalic = false;
    else if (code === 24) next.isUnderline = false;
    else if (code === 27) next.isInverse = false;
    else if (code === 29) next.isStrike = false;
    else if (code >= 30 && code <= 37) next.fg = { name: colorNames[code - 30], isBright: false };
    else if (code >= 90 && code <= 97) next.fg = { name: colorNames[code - 90], isBright: true };
    else if (code >= 40 && code <= 47) next.bg = { name: colorNames[code - 40], isBright: false };
    else if (code >= 100 && code <= 107) next.bg = { name: colorNames[code - 100], isBright: true };
    else if (code === 39) next.fg = null;
    else if (code === 49) next.bg = null;
    else if (code === 38 || code === 48) {
      const [color, used] = extendedColor(codes, i);
      if (code === 38) next.fg = color;
      else next.bg = color;
      i += used - 1;
    }
  }
  return next;
}

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
