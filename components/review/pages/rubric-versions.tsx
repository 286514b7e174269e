"use client";

import { useState } from "react";
import { RelativeTime } from "@/components/ui/relative-time";
import { SafeMarkdown } from "@/components/viewer/safe-markdown";
import type { Rubric } from "@/lib/review/rubrics/schema";
import { DimensionsTable } from "./dimensions-table";
import { useRubricVersion } from "./use-rubrics";

function VersionBody({ id, version }: { id: number; version: number }) {
  const { data, error, isPending } = useRubricVersion(id);
  if (isPending) return <p className="text-sm text-stone-500">Loading version {version}…</p>;
  if (error) return <p role="alert" className="text-sm text-red-700">{error.message}</p>;
  return (
    <div className="space-y-2 pt-2">
      {data.instructions && (
        <div className="text-sm text-stone-700">
          <SafeMarkdown text={data.instructions} />
        </div>
      )}
      <DimensionsTable dimensions={data.dimensions} caption={`Dimensions of version ${version}`} />
    </div>
  );
}

/** Every version of a rubric, newest first, each openable (a used version never changes). */
export function RubricVersions({ rubric }: { rubric: Rubric }) {
  const [shown, setShown] = useState<number | null>(null);
  return (
    <ol aria-label={`Versions of ${rubric.name}`} className="space-y-1 text-sm">
      {rubric.versions.map((v) => (
        <li key={v.id}>
          <div className="flex flex-wrap items-center gap-2">
            <span className="font-medium">Version {v.version}</span>
            {v.id === rubric.current.id && <span className="rounded bg-stone-200 px-1.5 py-0.5 text-xs">current</span>}
            <span className="text-stone-600">
              {v.judgments === 0 ? "not used yet" : `used by ${v.judgments} ${v.judgments === 1 ? "judgment" : "judgments"} (frozen)`} · created{" "}
              <RelativeTime value={v.createdAt} />
            </span>
            <button type="button" className="text-stone-600 underline" aria-expanded={shown === v.id} onClick={() => setShown(shown === v.id ? null : v.id)}>
              {shown === v.id ? `Hide version ${v.version}` : `Show version ${v.version}`}
            </button>
          </div>
          {shown === v.id && <VersionBody id={v.id} version={v.version} />}
        </li>
      ))}
    </ol>
  );
}
