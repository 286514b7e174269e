"use client";

import { useState } from "react";
import type { Verdict } from "@/lib/review/judgments/schema";
import { ConflictCard } from "./conflict-card";
import { verdictName } from "./score-format";
import { useRubricVersion } from "./use-rubrics";
import { useConflicts, type ConflictStatus } from "./use-queues";

const statuses: { value: ConflictStatus; label: string }[] = [
  { value: "open", label: "Open" },
  { value: "resolved", label: "Resolved" },
  { value: "all", label: "All" },
];

/** Items whose submitted judgments disagree; reviewers resolve each with a final verdict. */
export function ConflictList({ queueId, rubricVersionId }: { queueId: number; rubricVersionId: number }) {
  const [status, setStatus] = useState<ConflictStatus>("open");
  const [resolved, setResolved] = useState<{ episodeId: number; verdict: Verdict } | null>(null);
  const conflicts = useConflicts(queueId, status);
  const version = useRubricVersion(rubricVersionId);
  const dimensions = version.data?.dimensions ?? [];
  return (
    <div className="space-y-3">
      <fieldset className="flex gap-4 text-sm">
        <legend className="sr-only">Show conflicts</legend>
        {statuses.map((s) => (
          <label key={s.value} className="flex items-center gap-1">
            <input type="radio" name="conflict-status" checked={status === s.value} onChange={() => setStatus(s.value)} />
            {s.label}
          </label>
        ))}
      </fieldset>
      {resolved && (
        <p role="status" className="rounded border border-green-200 bg-green-50 p-3 text-sm text-green-900">
          Resolved episode {resolved.episodeId}: {verdictName(resolved.verdict)}.
        </p>
      )}
      {conflicts.isPending ? (
        <p className="text-stone-500">Loading conflicts…</p>
      ) : conflicts.error ? (
        <p role="alert" className="text-red-700">
          {conflicts.error.message}
        </p>
      ) : conflicts.data.items.length === 0 ? (
        <p className="rounded border border-dashed border-stone-300 bg-white p-4 text-sm text-stone-600">
          {status === "open" ? "No open conflicts: every item judged so far agrees, or has been resolved." : "No conflicts here."}
        </p>
      ) : (
        conflicts.data.items.map((conflict) => (
          <ConflictCard key={conflict.itemId} queueId={queueId} conflict={conflict} dimensions={dimensions} onResolved={(episodeId, verdict) => setResolved({ episodeId, verdict })} />
        ))
      )}
    </div>
  );
}
