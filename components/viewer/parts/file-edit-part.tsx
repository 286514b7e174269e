"use client";

import { EditDiff } from "@/components/viewer/diff/edit-diff";
import type { FileEditPart as FileEdit } from "@/lib/formats/episode";
import type { PartContext } from "./part-props";

/** An edit: what happened to which file, and the diff (from the diff views) once the step is whole. */
export function FileEditPart({ part, context }: { part: FileEdit; context: PartContext }) {
  const isCut = context.clips.size > 0;
  return (
    <div className="space-y-1" data-part="file_edit">
      <p className="text-xs">
        <span className="font-medium tracking-wide text-stone-500 uppercase">File edit</span> <span className="rounded bg-violet-50 px-1.5 py-0.5 text-violet-900">{part.operation.replace("_", " ")}</span>{" "}
        <span className="font-mono break-all">{part.path}</span>
        {part.newPath && <span className="font-mono break-all"> → {part.newPath}</span>}
      </p>
      {isCut ? (
        <p className="rounded border border-amber-200 bg-amber-50 px-2 py-1 text-xs">
          This edit is too large to load with its neighbours.{" "}
          <button type="button" onClick={context.onLoadFull} disabled={context.isLoadingFull} className="text-blue-700 underline">
            {context.isLoadingFull ? "Loading…" : "Load the full step"}
          </button>{" "}
          to see the diff.
        </p>
      ) : (
        <EditDiff episodeId={context.episodeId} stepIdx={context.stepIdx} part={part} />
      )}
    </div>
  );
}
