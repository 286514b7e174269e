/**
 * The start of a step's text for a compare cell: a few lines, ANSI escapes stripped (a cell is a
 * glance, the episode page renders colours), capped in characters so a 100 kB line stays cheap.
 */
const PREVIEW_LINES = 12;
const PREVIEW_CHARS = 1_500;

// CSI sequences (colours, cursor moves) and OSC sequences (titles, links), then lone escapes.
const ansi = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b/g;

export function stepPreview(text: string): { text: string; isClipped: boolean } {
  const head = text.slice(0, PREVIEW_CHARS * 2).replace(ansi, "");
  const lines = head.split("\n");
  let preview = lines.slice(0, PREVIEW_LINES).join("\n");
  if (preview.length > PREVIEW_CHARS) preview = preview.slice(0, PREVIEW_CHARS);
  const isClipped = preview.length < text.replace(ansi, "").length;
  return { text: preview, isClipped };
}
