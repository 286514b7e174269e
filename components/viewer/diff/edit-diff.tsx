"use client";

import { useMemo, useState } from "react";
import { editRegion } from "@/lib/diff/edit-region";
import { isUnknown } from "@/lib/diff/knowledge";
import { fileAt, findFile } from "@/lib/diff/repo-state";
import { describeKnowledge, renderKnowledge } from "@/lib/diff/render";
import type { FileEditPart } from "@/lib/formats/episode";
import { CodeDiff } from "../monaco";
import { DiffLayoutToggle, diffHeight } from "./diff-layout";
import { useRepoHistory } from "./use-repo-history";

type View = "region" | "file";

/**
 * One edit step as a diff: the region the edit names (old → new text) at once, and the whole
 * file (or every region the trajectory showed of it) once the episode's edits are replayed.
 */
export function EditDiff({ episodeId, stepIdx, part }: { episodeId: number; stepIdx: number; part: FileEditPart }) {
  const region = useMemo(() => editRegion(part), [part]);
  const { data: repo, error } = useRepoHistory(episodeId);
  const [chosenView, setChosenView] = useState<View | null>(null);
  const [sideBySide, setSideBySide] = useState(true);

  const file = repo ? findFile(repo, part.path) : null;
  const moment = file ? fileAt(file, stepIdx) : null;
  const state = moment?.states.at(-1);
  const hasFileView = moment !== null && moment.changedAt !== null && !(isUnknown(moment.previous) && isUnknown(moment.knowledge));
  const isWholeFile = moment?.previous.kind !== "partial" && moment?.knowledge.kind !== "partial";
  const view: View = chosenView ?? (hasFileView && (isWholeFile || region.original === null) ? "file" : "region");

  const shown =
    view === "file" && moment
      ? { original: renderKnowledge(moment.previous), modified: renderKnowledge(moment.knowledge) }
      : region.original !== null
        ? { original: region.original, modified: region.modified }
        : null;
  const caption =
    view === "file" && moment
      ? `${isWholeFile ? "Whole file" : "Every region of the file the trajectory shows"}, before and after ${moment.changedAt === stepIdx ? "this step" : `step ${moment.changedAt} (the edit this step reports)`} — ${describeKnowledge(moment.knowledge)}`
      : region.original !== null
        ? region.caption
        : region.message;

  return (
    <section aria-label={`Diff of ${part.path}`} className="space-y-2 rounded border border-stone-200 bg-white p-2">
      <header className="flex flex-wrap items-center gap-2 text-xs">
        <span className="font-mono text-stone-800">{part.path}</span>
        <span className="rounded bg-stone-100 px-1.5 text-stone-600">{part.operation}</span>
        <span className="grow" />
        {hasFileView && region.original !== null && (
          <div role="group" aria-label="Diff extent" className="inline-flex overflow-hidden rounded border border-stone-300">
            {(["region", "file"] as const).map((value) => (
              <button
                key={value}
                type="button"
                aria-pressed={view === value}
                onClick={() => setChosenView(value)}
                className={`px-2 py-1 ${view === value ? "bg-stone-800 text-white" : "bg-white text-stone-700 hover:bg-stone-100"}`}
              >
                {value === "region" ? "Edit only" : isWholeFile ? "Whole file" : "Known regions"}
              </button>
            ))}
          </div>
        )}
        {shown && <DiffLayoutToggle sideBySide={sideBySide} onChange={setSideBySide} />}
      </header>
      <p className="text-xs text-stone-500">{caption}</p>
      {state?.error && (
        <p role="note" className="rounded bg-amber-50 px-2 py-1 text-xs text-amber-900">
          Not applied: {state.error}
        </p>
      )}
      {state?.note && view === "file" && <p className="text-xs text-stone-500">{state.note}</p>}
      {error && <p className="text-xs text-stone-500">The whole file could not be reconstructed ({error.message}).</p>}
      {shown && <CodeDiff original={shown.original} modified={shown.modified} path={part.path} sideBySide={sideBySide} height={diffHeight(shown.original, shown.modified)} />}
    </section>
  );
}
