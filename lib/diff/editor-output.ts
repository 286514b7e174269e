/**
 * What the editor tools (SWE-agent's and OpenHands' `str_replace_editor`, Anthropic's text editor)
 * print back: `cat -n` listings of a file or of a snippet around an edit, and error messages.
 * A listing tells the file's lines at known numbers; an error tells that the edit did not happen.
 */
import type { ObservationPart } from "@/lib/formats/episode";

export type Listing = {
  startLine: number;
  lines: string[];
  /** A snippet around an edit rather than a view of the file. */
  isSnippet: boolean;
  /** The output was cut (`<response clipped>`, abbreviated): the lines shown are all that is known. */
  isClipped: boolean;
};

const listingHeader = /Here's the result of running `cat -n` on (a snippet of )?[^\n]*:\n/;
const numberedLine = /^ *(\d+)\t(.*)$/;

/** The numbered lines of a `cat -n` listing inside an observation, or null when there is none. */
export function parseListing(text: string): Listing | null {
  // Terminal-backed tools send CRLF; the tool's own line breaks are "\n".
  const normalized = text.includes("\r\n") ? text.replace(/\r\n/g, "\n") : text;
  const header = listingHeader.exec(normalized);
  if (!header) return null;
  let body = normalized.slice(header.index + header[0].length);
  const clipAt = body.indexOf("<response clipped>");
  const isClipped = clipAt >= 0 || /too large to display|abbreviated/i.test(normalized.slice(0, header.index + 400));
  if (clipAt >= 0) body = body.slice(0, body.lastIndexOf("\n", clipAt) + 1); // the cut line is partial
  const lines: string[] = [];
  let startLine = 0;
  for (const row of body.split("\n")) {
    const match = numberedLine.exec(row);
    if (!match || (lines.length > 0 && Number(match[1]) !== startLine + lines.length)) break;
    if (lines.length === 0) startLine = Number(match[1]);
    lines.push(match[2]);
  }
  if (lines.length === 0) return null;
  return { startLine, lines, isSnippet: header[1] !== undefined, isClipped };
}

const failurePatterns = [
  /^\s*(OBSERVATION:\s*)?ERROR:/,
  /No replacement was performed/,
  /did not appear verbatim/,
  /Multiple occurrences of old_str/,
  /already exists\. Cannot overwrite/,
  /Invalid `insert_line` parameter/,
  /The path \S+ does not exist/,
  /No edit history found/,
];

/** The tool refused the edit (its state did not change). */
export function editFailed(observation: ObservationPart | undefined): string | null {
  if (!observation) return null;
  const head = observation.text.slice(0, 2000);
  if (observation.isError || failurePatterns.some((p) => p.test(head))) {
    return head.replace(/^\s*(OBSERVATION:\s*)?(ERROR:\s*)?/, "").split("\n")[0].slice(0, 300) || "the tool reported an error";
  }
  return null;
}
