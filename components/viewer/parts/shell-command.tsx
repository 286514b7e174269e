"use client";

import { useMemo } from "react";
import { HighlightedSegments } from "./highlighted-segments";
import { firstLines, tokenizeShell, type ShellTokenType } from "@/lib/viewer/shell-tokens";

// `sh-*` names the token type (stable, for tests and user styles); the rest is the colour.
const tokenClass: Record<ShellTokenType, string> = {
  command: "sh-command text-blue-800 font-semibold",
  flag: "sh-flag text-violet-700",
  string: "sh-string text-green-800",
  variable: "sh-variable text-amber-800",
  operator: "sh-operator text-rose-700",
  comment: "sh-comment text-stone-500 italic",
  heredoc: "sh-heredoc text-stone-700",
  word: "",
  space: "",
};

const COLLAPSED_LINES = 20;

/** A shell command, highlighted by lib/viewer/shell-tokens (text only; nothing is interpreted). */
export function ShellCommand({ command, isExpanded, onExpand, query }: { command: string; isExpanded: boolean; onExpand: () => void; query?: string }) {
  const tokens = useMemo(() => tokenizeShell(command), [command]);
  const shown = isExpanded ? { tokens, hiddenLines: 0 } : firstLines(tokens, COLLAPSED_LINES);
  const segments = shown.tokens.map((token) => ({ text: token.text, className: tokenClass[token.type] }));
  return (
    <div className="rounded border border-stone-200 bg-stone-50 p-2 font-mono text-xs">
      <code data-shell-command className="block whitespace-pre-wrap [overflow-wrap:anywhere]">
        <HighlightedSegments segments={segments} query={query} />
      </code>
      {shown.hiddenLines > 0 && (
        <button type="button" onClick={onExpand} className="mt-1 block w-full rounded bg-stone-500/15 py-0.5 text-center text-[11px] hover:bg-stone-500/25">
          ⋯ {shown.hiddenLines.toLocaleString("en-US")} more lines — expand
        </button>
      )}
    </div>
  );
}
