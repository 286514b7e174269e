"use client";

import { useMemo } from "react";
import { firstLines, tokenizeShell, type ShellTokenType } from "@/lib/viewer/shell-tokens";

const tokenClass: Record<ShellTokenType, string> = {
  command: "text-blue-800 font-semibold",
  flag: "text-violet-700",
  string: "text-green-800",
  variable: "text-amber-800",
  operator: "text-rose-700",
  comment: "text-stone-500 italic",
  heredoc: "text-stone-700",
  word: "",
  space: "",
};

const COLLAPSED_LINES = 20;

/** A shell command, highlighted by lib/viewer/shell-tokens (text only; nothing is interpreted). */
export function ShellCommand({ command, isExpanded, onExpand }: { command: string; isExpanded: boolean; onExpand: () => void }) {
  const tokens = useMemo(() => tokenizeShell(command), [command]);
  const shown = isExpanded ? { tokens, hiddenLines: 0 } : firstLines(tokens, COLLAPSED_LINES);
  return (
    <div className="rounded border border-stone-200 bg-stone-50 p-2 font-mono text-xs">
      <code data-shell-command className="block whitespace-pre-wrap [overflow-wrap:anywhere]">
        {shown.tokens.map((token, i) =>
          tokenClass[token.type] ? (
            <span key={i} className={tokenClass[token.type]} data-token={token.type}>
              {token.text}
            </span>
          ) : (
            token.text
          ),
        )}
      </code>
      {shown.hiddenLines > 0 && (
        <button type="button" onClick={onExpand} className="mt-1 block w-full rounded bg-stone-500/15 py-0.5 text-center text-[11px] hover:bg-stone-500/25">
          ⋯ {shown.hiddenLines.toLocaleString("en-US")} more lines — expand
        </button>
      )}
    </div>
  );
}
