"use client";

import { useId, useState, type FormEvent } from "react";
import { useLabelChoices } from "@/components/episodes/use-bulk-action";
import { Button } from "@/components/ui/button";
import type { Rubric } from "@/lib/review/rubrics/schema";
import { DimensionEditor } from "./dimension-editor";
import { checkDraft, draftFromRubric, emptyDimension, emptyRubricDraft, rubricPatch, type RubricDraft } from "./rubric-draft";
import { useSaveRubric } from "./use-rubrics";

const field = "mt-1 block w-full rounded border border-stone-300 px-2 py-1";

/** What a save did, in words. */
function savedText(before: Rubric | null, after: Rubric): string {
  if (!before) return `Rubric "${after.name}" created (version 1).`;
  if (after.current.version > before.current.version) return `Saved "${after.name}" as version ${after.current.version}: version ${before.current.version} stays as it was for the judgments given under it.`;
  return `Saved "${after.name}" (version ${after.current.version}).`;
}

/**
 * Create a rubric, or edit one: name and description change in place; instructions and
 * dimensions change the current version only while nobody has judged under it, else they make
 * the next version (the server decides; the editor says which will happen).
 */
export function RubricEditor({ rubric, onDone }: { rubric: Rubric | null; onDone: (message: string) => void }) {
  const [draft, setDraft] = useState<RubricDraft>(() => (rubric ? draftFromRubric(rubric) : emptyRubricDraft()));
  const [problems, setProblems] = useState<string[]>([]);
  const save = useSaveRubric();
  const labels = useLabelChoices("");
  const labelsListId = useId();
  const title = rubric ? `Edit ${rubric.name}` : "New rubric";

  const setDimension = (index: number, next: RubricDraft["dimensions"][number]) => setDraft({ ...draft, dimensions: draft.dimensions.map((d, i) => (i === index ? next : d)) });
  const move = (index: number, by: -1 | 1) => {
    const dimensions = [...draft.dimensions];
    [dimensions[index], dimensions[index + by]] = [dimensions[index + by], dimensions[index]];
    setDraft({ ...draft, dimensions });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const check = checkDraft(draft);
    if (!check.ok) return setProblems(check.problems);
    setProblems([]);
    if (!rubric) return save.mutate({ create: check.value }, { onSuccess: (after) => onDone(savedText(null, after)) });
    const patch = rubricPatch(rubric, check.value);
    if (!patch) return onDone("Nothing changed.");
    save.mutate({ id: rubric.id, patch }, { onSuccess: (after) => onDone(savedText(rubric, after)) });
  };

  return (
    <form aria-label={title} onSubmit={submit} noValidate className="space-y-4 rounded border border-stone-200 bg-white p-4">
      <h2 className="text-lg font-semibold">{title}</h2>
      {rubric?.current.isUsed && (
        <p className="rounded border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
          Version {rubric.current.version} is in use: changing the instructions or dimensions saves version {rubric.current.version + 1}, and the judgments given under
          version {rubric.current.version} keep it. A new name or description applies to every version.
        </p>
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        <label className="block text-sm">
          <span className="text-stone-600">Rubric name</span>
          <input value={draft.name} maxLength={100} onChange={(event) => setDraft({ ...draft, name: event.target.value })} className={field} />
        </label>
        <label className="block text-sm">
          <span className="text-stone-600">Description</span>
          <input value={draft.description} maxLength={2000} onChange={(event) => setDraft({ ...draft, description: event.target.value })} className={field} />
        </label>
      </div>
      <label className="block text-sm">
        <span className="text-stone-600">Instructions</span>
        <span className="block text-xs text-stone-500">Markdown, shown beside the episode while judging.</span>
        <textarea rows={5} maxLength={50_000} value={draft.instructions} onChange={(event) => setDraft({ ...draft, instructions: event.target.value })} className={`${field} font-mono text-xs`} />
      </label>
      <datalist id={labelsListId}>
        {labels.data?.map((label) => (
          <option key={label} value={label} />
        ))}
      </datalist>
      <div className="space-y-3">
        {draft.dimensions.map((dimension, index) => (
          <DimensionEditor
            key={dimension.uid}
            index={index}
            count={draft.dimensions.length}
            dimension={dimension}
            labelsListId={labelsListId}
            onChange={(next) => setDimension(index, next)}
            onMove={(by) => move(index, by)}
            onRemove={() => setDraft({ ...draft, dimensions: draft.dimensions.filter((_, i) => i !== index) })}
          />
        ))}
        <Button disabled={draft.dimensions.length >= 50} onClick={() => setDraft({ ...draft, dimensions: [...draft.dimensions, emptyDimension()] })}>
          Add dimension
        </Button>
      </div>
      {(problems.length > 0 || save.error) && (
        <div role="alert" className="rounded border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          {problems.length > 0 ? (
            <>
              <p className="font-medium">Fix these first:</p>
              <ul className="list-disc pl-5">
                {problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            </>
          ) : (
            save.error?.message
          )}
        </div>
      )}
      <div className="flex gap-2">
        <Button type="submit" variant="primary" disabled={save.isPending}>
          {save.isPending ? "Saving…" : rubric ? "Save rubric" : "Create rubric"}
        </Button>
        <Button onClick={() => onDone("")}>Cancel</Button>
      </div>
    </form>
  );
}
