/**
 * SGR ("select graphic rendition", `ESC[…m`) state and the fixed class names it maps to: the 16
 * terminal colours (256-colour and true-colour codes folded to the nearest), bold, dim, italic,
 * underline, strike-through, inverse. Pure; used by ansi.ts.
 */

const colorNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"] as const;
type ColorName = (typeof colorNames)[number];
/** One of the 16 terminal colours: a name, bright or not. */
type Color = { name: ColorName; isBright: boolean };

export type Style = {
  fg: Color | null;
  bg: Color | null;
  isBold: boolean;
  isDim: boolean;
  isItalic: boolean;
  isUnderline: boolean;
  isStrike: boolean;
  isInverse: boolean;
};

export const plain: Style = {
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
