"use client";

// PLACEHOLDER with the contract's signature; the diff helper's version replaces it at merge.
import type { FileEditPart } from "@/lib/formats/episode";

export function EditDiff({ episodeId, stepIdx, part }: { episodeId: number; stepIdx: number; part: FileEditPart }) {
  const before = part.oldText ?? part.before ?? "";
  const after = part.newText ?? part.after ?? part.diff ?? "";
  return (
    <div data-placeholder="edit-diff" data-episode={episodeId} data-step={stepIdx} className="grid gap-2 text-xs md:grid-cols-2">
      <pre className="max-h-64 overflow-auto whitespace-pre-wrap break-all rounded bg-red-50 p-2 font-mono">{before}</pre>
      <pre className="max-h-64 overflow-auto whitespace-pre-wrap break-all rounded bg-green-50 p-2 font-mono">{after}</pre>
    </div>
  );
}
