"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { verdicts, type Verdict } from "@/lib/review/judgments/schema";
import { verdictNames } from "./score-format";
import { useResolveConflict } from "./use-queue-mutations";

/** The reviewer's final verdict and why; the server records it with both sides. */
export function AdjudicationForm({ queueId, episodeId, onResolved }: { queueId: number; episodeId: number; onResolved: (verdict: Verdict) => void }) {
  const resolve = useResolveConflict(queueId);
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [reason, setReason] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (verdict) resolve.mutate({ episodeId, verdict, reason }, { onSuccess: () => onResolved(verdict) });
  };
  return (
    <form aria-label={`Adjudicate episode ${episodeId}`} onSubmit={submit} className="space-y-2 border-t border-stone-200 pt-3 text-sm">
      <fieldset className="flex flex-wrap gap-4">
        <legend className="mb-1 font-medium">Final verdict</legend>
        {verdicts.map((v) => (
          <label key={v} className="flex items-center gap-1">
            <input type="radio" name={`final-verdict-${episodeId}`} value={v} checked={verdict === v} onChange={() => setVerdict(v)} required />
            {verdictNames[v]}
          </label>
        ))}
      </fieldset>
      <label className="block">
        <span className="font-medium">Reason</span>
        <textarea required rows={2} maxLength={10_000} value={reason} onChange={(event) => setReason(event.target.value)} className="mt-1 block w-full rounded border border-stone-300 px-2 py-1" />
      </label>
      {resolve.error && (
        <p role="alert" className="text-red-700">
          {resolve.error.message}
        </p>
      )}
      <Button type="submit" variant="primary" disabled={resolve.isPending || verdict === null || reason.trim() === ""}>
        {resolve.isPending ? "Resolving…" : "Resolve"}
      </Button>
    </form>
  );
}
