"use client";

import Link from "next/link";
import { useState } from "react";
import { CodeDiff } from "@/components/viewer/monaco";
import { codeHeight } from "./code-height";
import { changedRegion, type ReplayedEdit } from "./replay-edits";

type Mode = "region" | "file";


/** Each edit of the pull request as a Monaco diff: the changed region (with context) or the whole file. */
export function PrEdits({ episodeId, edits }: { episodeId: number; edits: (ReplayedEdit & { stepIdx: number })[] }) {
  const [mode, setMode] = useState<Mode>("region");
  if (edits.length === 0) return <p className="text-sm text-stone-600">The sample records no edits.</p>;
  return (
    <div className="space-y-4">
      <fieldset className="flex gap-4 text-sm">
        <legend className="sr-only">Show each edit as</legend>
        {(["region", "file"] as const).map((value) => (
          <label key={value} className="flex items-center gap-1">
            <input type="radio" name="pr-edit-mode" checked={mode === value} onChange={() => setMode(value)} />
            {value === "region" ? "Changed region" : "Whole file"}
          </label>
        ))}
      </fieldset>
      <ol aria-label="Edits" className="space-y-4">
        {edits.map((edit, i) => (
          <li key={edit.stepIdx} aria-label={`Edit ${i + 1}`} className="space-y-1">
            <EditHeading episodeId={episodeId} edit={edit} n={i + 1} />
            <EditBody edit={edit} mode={mode} />
          </li>
        ))}
      </ol>
    </div>
  );
}

function EditHeading({ episodeId, edit, n }: { episodeId: number; edit: ReplayedEdit & { stepIdx: number }; n: number }) {
  const { part } = edit;
  return (
    <h4 className="flex flex-wrap items-baseline gap-2 text-sm">
      <span className="font-semibold">Edit {n}</span>
      <span className="rounded bg-stone-100 px-1.5 text-xs">{part.operation.replace("_", " ")}</span>
      <span className="break-all font-mono text-xs">
        {part.path}
        {part.newPath ? ` → ${part.newPath}` : ""}
      </span>
      <Link href={`/episodes/${episodeId}#step-${edit.stepIdx}`} prefetch={false} className="text-xs text-blue-700 hover:underline">
        step {edit.stepIdx}
      </Link>
    </h4>
  );
}

function EditBody({ edit, mode }: { edit: ReplayedEdit; mode: Mode }) {
  const { part, before, after } = edit;
  if (part.operation === "rename") return <p className="text-sm text-stone-600">Renamed; the content is unchanged.</p>;
  const isKnown = before !== undefined && after !== undefined;
  let original: string;
  let modified: string;
  let note: string | null = null;
  if (isKnown && mode === "file") {
    original = before ?? "";
    modified = after ?? "";
  } else if (isKnown) {
    const region = changedRegion(before ?? "", after ?? "");
    original = region.original;
    modified = region.modified;
    note = region.firstLine > 1 ? `From line ${region.firstLine}` : null;
  } else {
    // The file could not be replayed: show what the edit itself says.
    original = part.oldText ?? part.before ?? "";
    modified = part.newText ?? part.after ?? "";
    note = "The file before this edit is not known; showing the edit's own text.";
  }
  return (
    <div className="space-y-1">
      {note && <p className="text-xs text-stone-500">{note}</p>}
      <div role="group" aria-label={`Diff of ${part.path}`} className="overflow-hidden rounded border border-stone-200 bg-white">
        <CodeDiff original={original} modified={modified} path={part.path} height={codeHeight(480, original, modified)} />
      </div>
    </div>
  );
}
