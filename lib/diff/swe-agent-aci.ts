/**
 * SWE-agent 0.x's own file commands: `open path [line]`, `create path`, `goto`/`scroll_*`, and
 * `edit start:end` + replacement lines + `end_of_edit`, which rewrites lines of the open file.
 * Every answer prints a window of the file: `[File: /abs/path (N lines total)]`, then numbered
 * lines `12:text` — which names the open file and shows its lines at known numbers.
 */
import type { ObservationPart, ToolCallPart } from "@/lib/formats/episode";

export type AciCall =
  | { command: "open"; path: string }
  | { command: "create"; path: string }
  | { command: "view" }
  | { command: "edit"; start: number; end: number; lines: string[] };

export function aciCallOf(call: ToolCallPart): AciCall | null {
  const text = call.arguments.command;
  if (typeof text !== "string" || !text.startsWith(call.name)) return null;
  const [first, ...rest] = text.split("\n");
  if (call.name === "open" || call.name === "create") {
    const path = first.slice(call.name.length).trim().split(/\s+/)[0]?.replace(/^["']|["']$/g, "");
    if (!path) return null;
    return call.name === "open" ? { command: "open", path } : { command: "create", path };
  }
  if (call.name === "goto" || call.name === "scroll_up" || call.name === "scroll_down") return { command: "view" };
  if (call.name === "edit") {
    const range = /^edit\s+(\d+):(\d+)\s*$/.exec(first);
    if (!range) return null;
    const end = rest.lastIndexOf("end_of_edit");
    return { command: "edit", start: Number(range[1]), end: Number(range[2]), lines: end >= 0 ? rest.slice(0, end) : rest };
  }
  return null;
}

export type AciWindow = { path: string; totalLines: number; startLine: number; lines: string[] };

const header = /^\[File: (.+) \((\d+) lines total\)\]$/m;

/** The file window an answer prints; null when it prints none (or only the edit it refused). */
export function parseWindow(observation: ObservationPart | undefined): AciWindow | null {
  if (!observation || aciFailure(observation)) return null;
  const match = header.exec(observation.text);
  if (!match) return null;
  const lines: string[] = [];
  let startLine = 0;
  for (const row of observation.text.slice(match.index + match[0].length + 1).split("\n")) {
    if (lines.length === 0 && /^\(\d+ more lines above\)$/.test(row)) continue;
    const numbered = /^(\d+):(.*)$/.exec(row);
    if (!numbered || (lines.length > 0 && Number(numbered[1]) !== startLine + lines.length)) break;
    if (lines.length === 0) startLine = Number(numbered[1]);
    lines.push(numbered[2]);
  }
  return lines.length > 0 ? { path: match[1], totalLines: Number(match[2]), startLine, lines } : null;
}

/** SWE-agent 0.x refuses an edit that breaks the syntax and shows how it would have looked. */
export function aciFailure(observation: ObservationPart | undefined): string | null {
  const text = observation?.text ?? "";
  if (/Your proposed edit has introduced new syntax error/.test(text)) {
    const errors = /ERRORS:\n- ([^\n]+)/.exec(text);
    return `The edit was refused: it introduced a syntax error${errors ? ` (${errors[1]})` : ""}.`;
  }
  if (/^Error: |^Usage: edit/m.test(text.slice(0, 300)) && !header.test(text)) return text.split("\n")[0].slice(0, 200);
  return null;
}
