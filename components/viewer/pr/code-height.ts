/** Monaco boxes sized to their content (12 px font, ~18 px lines), within bounds, so short files take little room. */
const LINE_PX = 18;
const PADDING_PX = 24;
const MIN_PX = 96;

export function codeHeight(maxPx: number, ...texts: string[]): number {
  const lines = Math.max(1, ...texts.map((text) => text.split("\n").length));
  return Math.min(maxPx, Math.max(MIN_PX, PADDING_PX + LINE_PX * lines));
}
