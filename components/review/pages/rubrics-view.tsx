"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { RelativeTime } from "@/components/ui/relative-time";
import { SafeMarkdown } from "@/components/viewer/safe-markdown";
import type { Rubric } from "@/lib/review/rubrics/schema";
import { DimensionsTable } from "./dimensions-table";
import { RubricEditor } from "./rubric-editor";
import { RubricVersions } from "./rubric-versions";
import { useRubrics } from "./use-rubrics";

function RubricCard({ rubric, canEdit, onEdit }: { rubric: Rubric; canEdit: boolean; onEdit: () => void }) {
  const headingId = useId();
  const current = rubric.current;
  return (
    <article id={`rubric-${rubric.id}`} aria-labelledby={headingId} className="scroll-mt-4 space-y-3 rounded border border-stone-200 bg-white p-4">
      <header className="flex flex-wrap items-baseline gap-3">
        <h2 id={headingId} className="text-base font-semibold">
          {rubric.name}
        </h2>
        <span className="text-sm text-stone-600">
          version {current.version} · {current.isUsed ? "in use (frozen)" : "not used yet"} · updated <RelativeTime value={rubric.updatedAt} />
        </span>
        {canEdit && (
          <Button size="sm" className="ml-auto" onClick={onEdit} aria-label={`Edit ${rubric.name}`}>
            Edit
          </Button>
        )}
      </header>
      {rubric.description && <p className="text-sm text-stone-700">{rubric.description}</p>}
      {current.instructions && (
        <details>
          <summary className="cursor-pointer text-sm text-stone-600">Instructions</summary>
          <div className="mt-1 text-sm text-stone-700">
            <SafeMarkdown text={current.instructions} />
          </div>
        </details>
      )}
      <DimensionsTable dimensions={current.dimensions} caption={`Dimensions of ${rubric.name}, version ${current.version}`} />
      <h3 className="text-sm font-medium text-stone-600">Versions</h3>
      <RubricVersions rubric={rubric} />
    </article>
  );
}

/** Every rubric with its current version and its history; admins create and edit. */
export function RubricsView({ canEdit }: { canEdit: boolean }) {
  const { data, error, isPending } = useRubrics();
  // null: no editor; "new"; or the id of the rubric being edited.
  const [editing, setEditing] = useState<"new" | number | null>(null);
  const [message, setMessage] = useState("");
  const done = (text: string) => {
    setEditing(null);
    setMessage(text);
  };
  const edited = typeof editing === "number" ? data?.items.find((r) => r.id === editing) : undefined;

  return (
    <div className="space-y-4">
      {message && (
        <p role="status" className="rounded border border-green-200 bg-green-50 p-3 text-sm text-green-900">
          {message}
        </p>
      )}
      {canEdit && editing === null && (
        <Button
          variant="primary"
          onClick={() => {
            setMessage("");
            setEditing("new");
          }}
        >
          New rubric
        </Button>
      )}
      {editing === "new" && <RubricEditor rubric={null} onDone={done} />}
      {edited && <RubricEditor key={`${edited.id}:${edited.current.id}`} rubric={edited} onDone={done} />}
      {isPending ? (
        <p className="text-stone-500">Loading rubrics…</p>
      ) : error ? (
        <p role="alert" className="text-red-700">
          {error.message}
        </p>
      ) : data.items.length === 0 ? (
        <p className="rounded border border-dashed border-stone-300 bg-white p-6 text-stone-600">No rubrics yet.{canEdit ? "" : " An admin creates them."}</p>
      ) : (
        data.items
          .filter((rubric) => rubric.id !== editing)
          .map((rubric) => (
            <RubricCard
              key={rubric.id}
              rubric={rubric}
              canEdit={canEdit && editing === null}
              onEdit={() => {
                setMessage("");
                setEditing(rubric.id);
              }}
            />
          ))
      )}
    </div>
  );
}
