"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { readResponse } from "@/components/imports/api-response";
import { rubricKeys } from "@/components/review/pages/review-keys";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { Queue } from "@/lib/review/queues/schema";
import type { RubricList } from "@/lib/review/rubrics/schema";
import { useBulkCount } from "./use-bulk-action";

type Props = { query: string; onClose: () => void; onDone: (message: string) => void };

const field = "mt-1 block w-full rounded border border-stone-300 px-2 py-1";

/**
 * "Send to a new review queue": every episode the filter matches now becomes an item of a new
 * queue (POST /api/queues with the filter's query), judged under the chosen rubric.
 */
export function QueueFromFilterDialog({ query, onClose, onDone }: Props) {
  const count = useBulkCount(query);
  const rubrics = useQuery({
    queryKey: rubricKeys.list(),
    queryFn: async () => readResponse<RubricList>(await fetch("/api/rubrics"), "Loading rubrics"),
  });
  const [name, setName] = useState("");
  const [rubricId, setRubricId] = useState<number | null>(null);
  const [overlap, setOverlap] = useState(1);
  const [isBlind, setIsBlind] = useState(false);
  const chosenRubric = rubricId ?? rubrics.data?.items[0]?.id ?? null;
  const create = useMutation({
    mutationFn: async () => {
      const response = await fetch("/api/queues", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name: name.trim(), rubricId: chosenRubric, query, overlap, isBlind }),
      });
      return readResponse<Queue>(response, "Creating the queue");
    },
    onSuccess: (queue) => onDone(`Queue "${queue.name}" created from ${count.data?.toLocaleString("en-US") ?? "the"} matching episodes.`),
  });
  const noRubric = rubrics.data !== undefined && rubrics.data.items.length === 0;
  const problem = noRubric ? "There is no rubric yet: an admin creates one first (POST /api/rubrics)." : (create.error?.message ?? rubrics.error?.message ?? count.error?.message);

  return (
    <ConfirmDialog
      isOpen
      title={count.data === undefined ? "Counting the matching episodes…" : `Send ${count.data.toLocaleString("en-US")} episodes to a new review queue?`}
      confirmLabel="Create queue"
      isPending={count.isFetching || create.isPending}
      onCancel={onClose}
      onConfirm={() => {
        if (name.trim() !== "" && chosenRubric !== null && count.data) create.mutate();
      }}
    >
      <label className="block">
        <span className="text-stone-600">Queue name</span>
        <input autoFocus required maxLength={120} value={name} onChange={(event) => setName(event.target.value)} className={field} />
      </label>
      <label className="block">
        <span className="text-stone-600">Rubric</span>
        <select value={chosenRubric ?? ""} onChange={(event) => setRubricId(Number(event.target.value))} className={field}>
          {rubrics.data?.items.map((rubric) => (
            <option key={rubric.id} value={rubric.id}>
              {rubric.name} (version {rubric.current.version})
            </option>
          ))}
        </select>
      </label>
      <label className="block">
        <span className="text-stone-600">Annotators per episode</span>
        <input type="number" min={1} max={20} value={overlap} onChange={(event) => setOverlap(Math.max(1, Number(event.target.value) || 1))} className={field} />
      </label>
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={isBlind} onChange={(event) => setIsBlind(event.target.checked)} />
        <span>Blind: annotators see others' judgments only after submitting their own</span>
      </label>
      <p>The queue takes every episode matching the current filter now; later imports do not join it.</p>
      {problem && (
        <p role="alert" className="text-red-700">
          {problem}
        </p>
      )}
    </ConfirmDialog>
  );
}
