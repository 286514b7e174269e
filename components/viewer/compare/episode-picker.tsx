"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { OutcomeBadge } from "@/components/episodes/outcome-badge";
import { Button } from "@/components/ui/button";
import { compareHref, type CompareIds } from "@/lib/compare/compare-href";
import { useInstanceAttempts } from "./use-instance-attempts";

/** Change one side: type an episode id, or pick another attempt at the same instance. */
export function EpisodePicker({ side, ids, instanceId, isOpen }: { side: "a" | "b"; ids: CompareIds; instanceId: string | null; isOpen: boolean }) {
  const router = useRouter();
  const [value, setValue] = useState("");
  const label = side.toUpperCase();
  const withSide = (id: number) => compareHref({ ...ids, [side]: id });
  const inputId = `compare-pick-${side}`;

  return (
    <details open={isOpen} className="rounded border border-stone-200 bg-stone-50 p-3 text-sm">
      <summary className="cursor-pointer font-medium">Change episode {label}</summary>
      <form
        className="mt-2 flex flex-wrap items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          const id = Number(value);
          if (Number.isInteger(id) && id > 0) router.push(withSide(id));
        }}
      >
        <label htmlFor={inputId} className="text-stone-700">
          Episode id for {label}
        </label>
        <input
          id={inputId}
          type="number"
          min={1}
          required
          value={value}
          onChange={(event) => setValue(event.target.value)}
          className="w-28 rounded border border-stone-300 px-2 py-1"
        />
        <Button type="submit" size="sm">
          Show as {label}
        </Button>
      </form>
      {instanceId && <OtherAttempts instanceId={instanceId} ids={ids} label={label} withSide={withSide} />}
    </details>
  );
}

function OtherAttempts({ instanceId, ids, label, withSide }: { instanceId: string; ids: CompareIds; label: string; withSide: (id: number) => string }) {
  const { data, error, isPending } = useInstanceAttempts(instanceId);
  const others = data?.items.filter((episode) => episode.id !== ids.a && episode.id !== ids.b) ?? [];
  return (
    <div className="mt-3">
      <h3 className="text-xs uppercase tracking-wide text-stone-500">Other attempts at {instanceId}</h3>
      {isPending && <p className="text-stone-500">Loading attempts…</p>}
      {error && <p role="alert" className="text-red-700">{error.message}</p>}
      {data && others.length === 0 && <p className="text-stone-500">No other attempts.</p>}
      {others.length > 0 && (
        <ul aria-label={`Other attempts for ${label}`} className="mt-1 divide-y divide-stone-200">
          {others.map((episode) => (
            <li key={episode.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-1">
              <Link href={withSide(episode.id)} prefetch={false} aria-label={`Show episode ${episode.id} as ${label}`} className="font-mono text-blue-700 hover:underline">
                Episode {episode.id}
              </Link>
              <span>{episode.model ?? "no model"}</span>
              <OutcomeBadge kind={episode.kind} resolved={episode.resolved} exitStatusClass={episode.exitStatusClass} />
              <span className="tabular-nums text-stone-600">{episode.stepCount} steps</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
