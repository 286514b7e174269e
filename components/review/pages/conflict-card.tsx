"use client";

import Link from "next/link";
import { useId } from "react";
import { RelativeTime } from "@/components/ui/relative-time";
import type { Conflict } from "@/lib/review/consensus/schema";
import type { Verdict } from "@/lib/review/judgments/schema";
import type { Dimension } from "@/lib/review/rubrics/schema";
import { AdjudicationForm } from "./adjudication-form";
import { JudgmentSide } from "./judgment-side";
import { verdictName } from "./score-format";

/** What the judgments disagree on, in words: "Verdict, Correctness". */
function disagreementText(conflict: Conflict, dimensions: Dimension[]): string {
  const names = conflict.disagreements.dimensions.map((key) => dimensions.find((d) => d.key === key)?.label ?? key);
  return [...(conflict.disagreements.verdict ? ["Verdict"] : []), ...names].join(", ");
}

/** One item the annotators disagree on: both sides, and the decision (or the form to make it). */
export function ConflictCard({
  queueId,
  conflict,
  dimensions,
  onResolved,
}: {
  queueId: number;
  conflict: Conflict;
  dimensions: Dimension[];
  onResolved: (episodeId: number, verdict: Verdict) => void;
}) {
  const headingId = useId();
  const disagreeOn = new Set([...(conflict.disagreements.verdict ? ["verdict"] : []), ...conflict.disagreements.dimensions]);
  const decision = conflict.adjudication;
  return (
    <article aria-labelledby={headingId} className="space-y-3 rounded border border-stone-200 bg-white p-4">
      <header className="flex flex-wrap items-baseline gap-3">
        <h3 id={headingId} className="font-semibold">
          Conflict on episode {conflict.episodeId}
        </h3>
        <Link href={`/episodes/${conflict.episodeId}`} className="text-sm underline decoration-stone-300 hover:decoration-stone-900">
          Open episode {conflict.episodeId}
        </Link>
        <span className="text-sm text-stone-600">Disagree on: {disagreementText(conflict, dimensions)}</span>
      </header>
      <div className="grid gap-3 md:grid-cols-2">
        {conflict.judgments.map((judgment) => (
          <JudgmentSide key={judgment.id} judgment={judgment} dimensions={dimensions} disagreeOn={disagreeOn} />
        ))}
      </div>
      {decision ? (
        <p className="border-t border-stone-200 pt-3 text-sm">
          Resolved by {decision.reviewer.email} <RelativeTime value={decision.createdAt} />: <strong>{verdictName(decision.verdict)}</strong>
          <span className="block whitespace-pre-wrap text-stone-700">{decision.reason}</span>
        </p>
      ) : (
        <AdjudicationForm queueId={queueId} episodeId={conflict.episodeId} onResolved={(verdict) => onResolved(conflict.episodeId, verdict)} />
      )}
    </article>
  );
}
