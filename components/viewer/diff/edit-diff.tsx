"use client";

import { useMemo, useState } from "react";
import { editRegion } from "@/lib/diff/edit-region";
import { isUnknown } from "@/lib/diff/knowledge";
import { fileAt, findFile, type FileMoment } from "@/lib/diff/repo-state";
import { describeKnowledge, focusChange, renderKnowledge } from "@/lib/diff/render";
import type { FileEditPart } from "@/lib/formats/episode";
import { CodeDiff } from "../monaco";
import { DiffLayoutToggle, ToggleGroup, diffHeight } from "./diff-layout";
import { useRepoHistory } from "./use-repo-history";

type Extent = "edit" | "context" | "file";

const contextLines = 5;

/**
 * One edit step as a diff: the region the edit names (old → new text) at once; once the
 * episode's edits are replayed, the change inside the file (with the lines around it) and the
 * whole file — or every region of it the trajectory shows, where that is all that is known.
 */
export function EditDiff({ episodeId, stepIdx, part }: { episodeId: number; stepIdx: number; part: FileEditPart }) {
  const region = useMemo(() => editRegion(part), [part]);
  const { data: repo, error } = useRepoHistory(episodeId);
  const [chosen, setChosen] = useState<Extent | null>(null);
  const [sideBySide, setSideBySide] = useState(true);

  const file = repo ? findFile(repo, part.path) : null;
  const moment = useMemo(() => (file ? fileAt(file, stepIdx) : null), [file, stepIdx]);
  const inFile = moment && moment.changedAt !== null && !(isUnknown(moment.previous) && isUnknown(moment.knowledge)) ? moment : null;
  const isWholeFile = inFile !== null && inFile.previous.kind !== "partial" && inFile.knowledge.kind !== "partial";
  const extent: Extent = chosen ?? (inFile ? "context" : "edit");
  const shown = useMemo(() => textsFor(extent, region, inFile), [extent, region, inFile]);
  const state = moment?.states.at(-1);

  const extents: { value: Extent; label: string }[] = [
    ...(region.original !== null ? [{ value: "edit" as const, label: "Edit only" }] : []),
    ...(inFile ? [{ value: "context" as const, label: "In context" }, { value: "file" as const, label: isWholeFile ? "Whole file" : "Known regions" }] : []),
  ];

  return (
    <section aria-label={`Diff of ${part.path}`} className="space-y-2 rounded border border-stone-200 bg-white p-2">
      <header className="flex flex-wrap items-center gap-2 text-xs">
        <span className="font-mono text-stone-800">{part.path}</span>
        <span className="rounded bg-stone-100 px-1.5 text-stone-600">{part.operation}</span>
        <span className="grow" />
        {extents.length > 1 && <ToggleGroup label="Diff extent" options={extents} value={extent} onChange={setChosen} />}
        {shown && <DiffLayoutToggle sideBySide={sideBySide} onChange={setSideBySide} />}
      </header>
      <p className="text-xs text-stone-500">{captionFor(extent, region, inFile, isWholeFile, stepIdx)}</p>
      {state?.error && (
        <p role="note" className="rounded bg-amber-50 px-2 py-1 text-xs text-amber-900">
          Not applied: {state.error}
        </p>
      )}
      {state?.note && extent !== "edit" && <p className="text-xs text-stone-500">{state.note}</p>}
      {error && <p className="text-xs text-stone-500">The file around this edit could not be reconstructed ({error.message}).</p>}
      {shown && <CodeDiff original={shown.original} modified={shown.modified} path={part.path} sideBySide={sideBySide} height={diffHeight(shown.original, shown.modified)} />}
    </section>
  );
}

function textsFor(extent: Extent, region: ReturnType<typeof editRegion>, inFile: FileMoment | null): { original: string; modified: string } | null {
  if (extent !== "edit" && inFile) {
    const original = renderKnowledge(inFile.previous);
    const modified = renderKnowledge(inFile.knowledge);
    return extent === "context" ? focusChange(original, modified, contextLines) : { original, modified };
  }
  return region.original !== null ? { original: region.original, modified: region.modified } : null;
}

function captionFor(extent: Extent, region: ReturnType<typeof editRegion>, inFile: FileMoment | null, isWholeFile: boolean, stepIdx: number): string {
  if (extent === "edit" || !inFile) return region.original !== null ? region.caption : region.message;
  const when = inFile.changedAt === stepIdx ? "this step" : `step ${inFile.changedAt} (the edit this step reports)`;
  const where = isWholeFile ? "the whole file" : "every region of the file the trajectory shows";
  const known = describeKnowledge(inFile.knowledge);
  return extent === "context"
    ? `The change in ${where}, with ${contextLines} lines around it, before and after ${when} — ${known}`
    : `${where.charAt(0).toUpperCase()}${where.slice(1)}, before and after ${when} — ${known}`;
}
