"use client";

import { useMemo } from "react";
import { outputItems } from "@/lib/viewer/output-lines";
import type { PartContext } from "./part-props";
import { ShellCommand } from "./shell-command";
import { TextLines } from "./text-lines";

const INLINE_CHARS = 120;

function valueText(value: unknown): string {
  if (typeof value === "string") return value;
  return JSON.stringify(value, null, 2) ?? String(value);
}

/** One tool-call argument: a command highlighted, a short value inline, a long or structured one as numbered code. */
export function ArgumentValue({ name, value, isShell, context }: { name: string; value: unknown; isShell: boolean; context: PartContext }) {
  const clip = context.clips.get(`arguments.${name}`);
  const text = valueText(value);
  const isInline = !clip && !text.includes("\n") && text.length <= INLINE_CHARS;
  const items = useMemo(() => (isInline || (isShell && !clip) ? [] : outputItems(text, clip)), [isInline, isShell, clip, text]);
  if (isShell && !clip) return <ShellCommand command={text} isExpanded={context.isExpanded} onExpand={context.onToggleExpand} query={context.highlight} />;
  if (isInline) return <span className="font-mono text-xs break-all">{typeof value === "string" ? value : text}</span>;
  return (
    <TextLines
      items={items}
      variant="code"
      isExpanded={context.isExpanded}
      onExpand={context.onToggleExpand}
      query={context.highlight}
      onLoadFull={context.onLoadFull}
      isLoadingFull={context.isLoadingFull}
      idPrefix={`${context.idPrefix}-${name}`}
    />
  );
}
