/**
 * Knowledge of a file as the text an editor shows: the whole file, or its known regions in line
 * order with a marker line for every stretch the trajectory never showed, then the fragments whose
 * line is not recorded. Markers depend only on line numbers, so two states of the same file line
 * up in a diff editor.
 */
import type { Knowledge } from "./knowledge";

function gapMarker(from: number, to: number): string {
  return from === to ? `⋯ line ${from}: not shown in the trajectory ⋯` : `⋯ lines ${from}–${to}: not shown in the trajectory ⋯`;
}

const restMarker = "⋯ the rest of the file: not shown in the trajectory ⋯";
const looseMarker = "⋯ somewhere in the file (the line is not recorded) ⋯";

export function renderKnowledge(knowledge: Knowledge): string {
  if (knowledge.kind === "full") return knowledge.text;
  if (knowledge.kind === "absent") return "";
  const out: string[] = [];
  let next = 1;
  for (const block of knowledge.blocks) {
    if (block.startLine > next) out.push(gapMarker(next, block.startLine - 1));
    out.push(...block.lines);
    next = block.startLine + block.lines.length;
  }
  if (knowledge.blocks.length > 0) out.push(restMarker);
  for (const fragment of knowledge.loose) out.push(looseMarker, ...fragment.split("\n"));
  return out.join("\n");
}

/** How much of the file is known, in words. */
export function describeKnowledge(knowledge: Knowledge): string {
  if (knowledge.kind === "full") return "whole file known";
  if (knowledge.kind === "absent") return "file does not exist";
  const lines = knowledge.blocks.reduce((sum, b) => sum + b.lines.length, 0);
  const parts = [
    ...(knowledge.blocks.length > 0 ? [`${lines} line${lines === 1 ? "" : "s"} known in ${knowledge.blocks.length} region${knowledge.blocks.length === 1 ? "" : "s"}`] : []),
    ...(knowledge.loose.length > 0 ? [`${knowledge.loose.length} fragment${knowledge.loose.length === 1 ? "" : "s"} at unknown lines`] : []),
  ];
  return parts.length > 0 ? `partly known: ${parts.join(", ")}` : "content unknown";
}

/**
 * Two texts cut down to the lines that differ plus `context` lines around them, the rest
 * replaced by one marker line per side that reads the same on both (so a diff editor aligns
 * it): a change far down a long file is on screen at once.
 */
export function focusChange(original: string, modified: string, context = 3): { original: string; modified: string } {
  const a = original.split("\n");
  const b = modified.split("\n");
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  if (prefix === a.length && prefix === b.length) return { original, modified };
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  const start = Math.max(0, prefix - context);
  const tail = Math.max(0, suffix - context);
  const cut = (lines: string[]) => [
    ...(start > 0 ? [`⋯ ${start} unchanged line${start === 1 ? "" : "s"} above ⋯`] : []),
    ...lines.slice(start, lines.length - tail),
    ...(tail > 0 ? [`⋯ ${tail} unchanged line${tail === 1 ? "" : "s"} below ⋯`] : []),
  ];
  return { original: cut(a).join("\n"), modified: cut(b).join("\n") };
}
