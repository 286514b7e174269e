"use client";

import { useId, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { trainingMasks, type TrainingMask } from "@/lib/review/masks/schema";
import { decidedProposal, maskLabels, maskTones, stepRange } from "./mask-labels";
import { useConfirmProposals, useEffectiveMasks, useEpisodeMasks, useRemoveMask, useSetMask } from "./use-masks";

const MAX_RUNS_SHOWN = 30;

type FieldProps = { label: string; children: (id: string) => ReactNode; className?: string };

/** A label above its control, tied by id (a wrapping label would add the control's value to its name). */
function Field({ label, children, className = "" }: FieldProps) {
  const id = useId();
  return (
    <div className={`flex flex-col ${className}`}>
      <label htmlFor={id} className="text-xs text-stone-600">
        {label}
      </label>
      {children(id)}
    </div>
  );
}

function RangeForm({ episodeId, stepCount }: { episodeId: number; stepCount: number }) {
  const masks = useEpisodeMasks(episodeId);
  const setMask = useSetMask(episodeId);
  const [from, setFrom] = useState("0");
  const [to, setTo] = useState("0");
  const [mask, setMaskValue] = useState<TrainingMask>("context");
  const [note, setNote] = useState("");
  const box = "rounded border border-stone-300 px-1.5 py-0.5";
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        const startStep = Number(from);
        const endStep = Number(to);
        const proposalKey = decidedProposal(masks.data?.proposals ?? [], startStep, endStep);
        setMask.mutate({ startStep, endStep, mask, reason: note.trim(), proposalKey }, { onSuccess: () => setNote("") });
      }}
    >
      <Field label="From step">
        {(id) => <input id={id} type="number" min={0} max={stepCount - 1} required value={from} onChange={(e) => setFrom(e.target.value)} className={`w-20 ${box}`} />}
      </Field>
      <Field label="To step">
        {(id) => <input id={id} type="number" min={0} max={stepCount - 1} required value={to} onChange={(e) => setTo(e.target.value)} className={`w-20 ${box}`} />}
      </Field>
      <Field label="Mask">
        {(id) => (
          <select id={id} value={mask} onChange={(e) => setMaskValue(e.target.value as TrainingMask)} className={box}>
            {trainingMasks.map((m) => (
              <option key={m} value={m}>
                {maskLabels[m]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Note" className="min-w-40 flex-1">
        {(id) => <input id={id} type="text" value={note} onChange={(e) => setNote(e.target.value)} placeholder="optional: why" className={box} />}
      </Field>
      <Button type="submit" size="sm" disabled={setMask.isPending}>
        Set mask
      </Button>
      {setMask.error && (
        <p role="alert" className="w-full text-red-700">
          {setMask.error.message}
        </p>
      )}
    </form>
  );
}

/**
 * Above the timeline: the episode's masks at a glance, the proposals from quality signals with
 * "Confirm proposals", a mask for any range of steps, and the masks people set (removable).
 */
export function MaskToolbar({ episodeId, stepCount }: { episodeId: number; stepCount: number }) {
  const effective = useEffectiveMasks(episodeId);
  const masks = useEpisodeMasks(episodeId);
  const confirm = useConfirmProposals(episodeId);
  const remove = useRemoveMask(episodeId);
  const proposals = masks.data?.proposals ?? [];
  const runs = effective.data?.runs ?? [];
  if (stepCount === 0) return null;
  return (
    <section aria-label="Training masks" className="space-y-2 rounded border border-stone-200 bg-white p-3 text-sm">
      <h2 className="font-semibold">Training masks</h2>
      {(effective.error ?? masks.error) && <p role="alert" className="text-red-700">{(effective.error ?? masks.error)?.message}</p>}
      <p className="flex flex-wrap gap-1 text-xs">
        {runs.slice(0, MAX_RUNS_SHOWN).map((run) => (
          <span key={run.startStep} className={`rounded border px-1.5 py-0.5 ${maskTones[run.mask]} ${run.proposed ? "border-dashed" : ""}`}>
            {stepRange(run.startStep, run.endStep)}: {maskLabels[run.mask]}
            {run.proposed && " (proposed)"}
          </span>
        ))}
        {runs.length > MAX_RUNS_SHOWN && <span className="text-stone-500">and {runs.length - MAX_RUNS_SHOWN} more runs</span>}
      </p>
      {proposals.length > 0 && (
        <div className="space-y-1 rounded border border-dashed border-amber-400 bg-amber-50 p-2">
          <p className="text-xs font-medium">
            {proposals.length === 1 ? "1 proposal" : `${proposals.length} proposals`} from quality signals, not yet confirmed:
          </p>
          <ul className="list-disc pl-5 text-xs">
            {proposals.map((p) => (
              <li key={p.key}>
                {stepRange(p.startStep, p.endStep)}: {maskLabels[p.mask]} — {p.reason}
              </li>
            ))}
          </ul>
          <Button size="sm" variant="primary" onClick={() => confirm.mutate()} disabled={confirm.isPending}>
            Confirm proposals
          </Button>
          {confirm.error && <p role="alert" className="text-red-700">{confirm.error.message}</p>}
        </div>
      )}
      <RangeForm episodeId={episodeId} stepCount={stepCount} />
      {(masks.data?.masks.length ?? 0) > 0 && (
        <details>
          <summary className="cursor-pointer text-xs text-stone-600">Masks set by people ({masks.data?.masks.length})</summary>
          <ul className="mt-1 space-y-0.5 text-xs">
            {masks.data?.masks.map((m) => (
              <li key={m.id} className="flex flex-wrap items-center gap-2">
                <span>
                  {stepRange(m.startStep, m.endStep)}: {maskLabels[m.mask]} · {m.createdBy.name}
                  {m.reason && ` — ${m.reason}`}
                </span>
                <button type="button" onClick={() => remove.mutate(m.id)} aria-label={`Remove mask on ${stepRange(m.startStep, m.endStep)}`} className="text-red-700 hover:underline">
                  Remove
                </button>
              </li>
            ))}
          </ul>
          {remove.error && <p role="alert" className="text-red-700">{remove.error.message}</p>}
        </details>
      )}
    </section>
  );
}
