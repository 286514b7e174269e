/**
 * The list's search snippets arrive as plain text with each match between ⟦ and ⟧
 * (lib/search/snippets.ts). Splitting the string — never parsing HTML — keeps whatever the
 * trajectory contains inert: every part is rendered as text.
 */
import { snippetMarkers } from "@/lib/search/snippet-markers";

export type SnippetPart = { text: string; isMatch: boolean };

export function snippetParts(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  const push = (text: string, isMatch: boolean) => {
    if (text === "") return;
    const last = parts.at(-1);
    if (last && last.isMatch === isMatch) last.text += text;
    else parts.push({ text, isMatch });
  };
  let rest = snippet;
  while (rest !== "") {
    const start = rest.indexOf(snippetMarkers.start);
    if (start === -1) {
      push(rest.replaceAll(snippetMarkers.stop, ""), false);
      break;
    }
    push(rest.slice(0, start).replaceAll(snippetMarkers.stop, ""), false);
    const afterStart = rest.slice(start + snippetMarkers.start.length);
    const stop = afterStart.indexOf(snippetMarkers.stop);
    // An unclosed match (a snippet cut mid-match) runs to the end.
    const match = stop === -1 ? afterStart : afterStart.slice(0, stop);
    push(match.replaceAll(snippetMarkers.start, ""), true);
    rest = stop === -1 ? "" : afterStart.slice(stop + snippetMarkers.stop.length);
  }
  return parts;
}
