"use client";

import { useMemo } from "react";
import { outputItems } from "@/lib/viewer/output-lines";
import type { PartContext } from "./part-props";
import { TextLines } from "./text-lines";

/** A message or the agent's reasoning: wrapped text, collapsed when long. */
export function ProsePart({ text, label, context }: { text: string; label: string | null; context: PartContext }) {
  const items = useMemo(() => outputItems(text, context.clips.get("text")), [text, context.clips]);
  return (
    <div className="space-y-1">
      {label && <p className="text-xs font-medium tracking-wide text-stone-500 uppercase">{label}</p>}
      <TextLines
        items={items}
        variant="prose"
        isExpanded={context.isExpanded}
        onExpand={context.onToggleExpand}
        query={context.highlight}
        onLoadFull={context.onLoadFull}
        isLoadingFull={context.isLoadingFull}
        idPrefix={context.idPrefix}
      />
    </div>
  );
}
