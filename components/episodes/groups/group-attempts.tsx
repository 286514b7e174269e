"use client";

import Link from "next/link";
import { OutcomeBadge } from "@/components/episodes/outcome-badge";
import { compareHref } from "@/lib/compare/compare-href";
import { listHref } from "./group-links";
import { attemptsShown, useGroupAttempts } from "./use-rollout-groups";

/** The attempts of one group, each a link to its episode, with model and outcome. */
export function GroupAttempts({ id, query, instanceId, attempts }: { id: string; query: string; instanceId: string; attempts: number }) {
  const { data, error, isPending } = useGroupAttempts(query, instanceId);
  return (
    <div id={id} className="border-t border-stone-100 px-3 py-2">
      {isPending && <p className="text-sm text-stone-500">Loading attempts…</p>}
      {error && <p role="alert" className="text-sm text-red-700">{error.message}</p>}
      {data && (
        <ol aria-label={`Attempts of ${instanceId}`} className="divide-y divide-stone-100 text-sm">
          {data.items.map((episode) => (
            <li key={episode.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 py-1.5">
              <Link href={`/episodes/${episode.id}`} prefetch={false} className="font-mono text-blue-700 hover:underline">
                Episode {episode.id}
              </Link>
              <span className="min-w-48">{episode.model ?? "no model"}</span>
              <span className="text-stone-600">{episode.agent ?? "—"}</span>
              <OutcomeBadge kind={episode.kind} resolved={episode.resolved} exitStatusClass={episode.exitStatusClass} />
              <span className="tabular-nums text-stone-600">{episode.stepCount} steps</span>
              {data.items[0].id !== episode.id && (
                <Link href={compareHref({ a: data.items[0].id, b: episode.id })} prefetch={false} className="text-blue-700 hover:underline">
                  Compare with {data.items[0].id}
                </Link>
              )}
            </li>
          ))}
        </ol>
      )}
      {attempts > attemptsShown && (
        <p className="pt-2 text-sm text-stone-600">
          The first {attemptsShown} of {attempts} attempts.{" "}
          <Link href={listHref(query, { instance: [instanceId] })} className="text-blue-700 hover:underline">
            All of them in the list
          </Link>
        </p>
      )}
    </div>
  );
}
