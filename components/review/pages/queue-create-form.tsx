"use client";

import Link from "next/link";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { queryFromInput } from "./filter-query";
import { QueueSourceFields, type QueueSource } from "./queue-source-fields";
import { useCreateQueue } from "./use-queue-mutations";
import { useRubrics } from "./use-rubrics";

const field = "mt-1 block w-full rounded border border-stone-300 px-2 py-1";

/** Admins: a new queue over the episodes a saved view or filter matches now, judged under a rubric. */
export function QueueCreateForm() {
  const rubrics = useRubrics();
  const create = useCreateQueue();
  const [isOpen, setIsOpen] = useState(false);
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [rubricId, setRubricId] = useState<number | null>(null);
  const [source, setSource] = useState<QueueSource>({ kind: "query", text: "" });
  const [overlap, setOverlap] = useState("2");
  const [isBlind, setIsBlind] = useState(true);
  const [reservationMinutes, setReservationMinutes] = useState("30");
  const chosenRubric = rubricId ?? rubrics.data?.items[0]?.id ?? null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (chosenRubric === null) return;
    const from = source.kind === "view" ? (source.viewId === null ? {} : { viewId: source.viewId }) : { query: queryFromInput(source.text) };
    create.mutate(
      { name, description, rubricId: chosenRubric, ...from, overlap: Number(overlap), isBlind, reservationSeconds: Math.round(Number(reservationMinutes) * 60) },
      {
        onSuccess: () => {
          setName("");
          setDescription("");
          setIsOpen(false);
        },
      },
    );
  };

  const created = create.isSuccess && !isOpen ? create.data : null;
  return (
    <div className="space-y-3">
      {created && (
        <p role="status" className="rounded border border-green-200 bg-green-50 p-3 text-sm text-green-900">
          Queue &quot;{created.name}&quot; created with {created.progress.items.toLocaleString("en-US")} {created.progress.items === 1 ? "item" : "items"}.
        </p>
      )}
      {!isOpen ? (
        <Button
          variant="primary"
          onClick={() => {
            create.reset();
            setIsOpen(true);
          }}
        >
          New queue
        </Button>
      ) : (
        <form aria-label="New queue" onSubmit={submit} className="max-w-2xl space-y-3 rounded border border-stone-200 bg-white p-4">
          <h2 className="text-lg font-semibold">New queue</h2>
          <label className="block text-sm">
            <span className="text-stone-600">Queue name</span>
            <input required maxLength={100} value={name} onChange={(event) => setName(event.target.value)} className={field} />
          </label>
          <label className="block text-sm">
            <span className="text-stone-600">Description</span>
            <textarea rows={2} maxLength={4000} value={description} onChange={(event) => setDescription(event.target.value)} className={field} />
          </label>
          {rubrics.data?.items.length === 0 ? (
            <p className="text-sm text-stone-700">
              There is no rubric yet: <Link href="/review/rubrics" className="underline">create one first</Link>.
            </p>
          ) : (
            <label className="block text-sm">
              <span className="text-stone-600">Rubric</span>
              <select aria-label="Rubric" value={chosenRubric ?? ""} onChange={(event) => setRubricId(Number(event.target.value))} className={field}>
                {rubrics.data?.items.map((rubric) => (
                  <option key={rubric.id} value={rubric.id}>
                    {rubric.name} (version {rubric.current.version})
                  </option>
                ))}
              </select>
            </label>
          )}
          <QueueSourceFields source={source} onChange={setSource} />
          <div className="flex flex-wrap gap-4">
            <label className="block text-sm">
              <span className="text-stone-600">Annotators per item</span>
              <input type="number" required min={1} max={20} value={overlap} onChange={(event) => setOverlap(event.target.value)} className={`${field} w-28`} />
            </label>
            <label className="block text-sm">
              <span className="text-stone-600">Reservation (minutes)</span>
              <input type="number" required min={1} max={10080} value={reservationMinutes} onChange={(event) => setReservationMinutes(event.target.value)} className={`${field} w-28`} />
            </label>
          </div>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={isBlind} onChange={(event) => setIsBlind(event.target.checked)} />
            Blind review
          </label>
          <p className="-mt-2 pl-6 text-xs text-stone-500">Annotators see others&apos; judgments of an item only after submitting their own.</p>
          <p className="text-xs text-stone-500">The queue takes the episodes matching now; later imports do not join it. Gold items are added on the queue&apos;s page.</p>
          {create.error && (
            <p role="alert" className="text-sm text-red-700">
              {create.error.message}
            </p>
          )}
          <div className="flex gap-2">
            <Button type="submit" variant="primary" disabled={create.isPending || chosenRubric === null}>
              {create.isPending ? "Creating…" : "Create queue"}
            </Button>
            <Button onClick={() => setIsOpen(false)}>Cancel</Button>
          </div>
        </form>
      )}
    </div>
  );
}
