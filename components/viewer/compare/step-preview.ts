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

type PreviewPart =
  | { type: "message" | "reasoning" | "observation"; text: string }
  | { type: "tool_call"; name: string; arguments: Record<string, unknown> }
  | { type: "file_edit"; path: string; operation: string };

/** A step's readable text from its parts (the steps API sends parts, not the stored text). */
export function partsText(parts: readonly PreviewPart[]): string {
  return parts
    .map((part) => {
      if (part.type === "tool_call") {
        const { command } = part.arguments;
        return typeof command === "string" ? `${part.name}: ${command}` : `${part.name} ${JSON.stringify(part.arguments)}`;
      }
      if (part.type === "file_edit") return `${part.operation} ${part.path}`;
      return part.text;
    })
    .filter((text) => text !== "")
    .join("\n\n");
}
