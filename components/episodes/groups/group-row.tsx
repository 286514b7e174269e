"use client";

import Link from "next/link";
import { useId } from "react";
import type { RolloutGroup } from "@/lib/search/groups";
import { GroupAttempts } from "./group-attempts";
import { listHref, matrixHref } from "./group-links";
import { OutcomeBar } from "./outcome-bar";

const modelsShown = 4;

const plural = (n: number, one: string, many: string) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

type GroupRowProps = { group: RolloutGroup; query: string; isExpanded: boolean; onToggle: () => void };

export function GroupRow({ group, query, isExpanded, onToggle }: GroupRowProps) {
  const attemptsId = useId();
  const { instanceId } = group;
  const hiddenModels = group.models.length - modelsShown;
  return (
    <article className="rounded border border-stone-200 bg-white">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 px-3 py-2 text-sm">
        <button
          type="button"
          aria-expanded={isExpanded}
          aria-controls={isExpanded ? attemptsId : undefined}
          aria-label={`Attempts of ${instanceId}`}
          onClick={onToggle}
          className="flex min-w-0 max-w-md items-center gap-2 rounded text-left hover:text-blue-700"
        >
          <span aria-hidden className="w-3 text-stone-500">
            {isExpanded ? "▾" : "▸"}
          </span>
          <span className="truncate font-mono text-xs">{instanceId}</span>
        </button>
        <span className="text-stone-600">{group.repo ?? "—"}</span>
        <span className="tabular-nums">
          {plural(group.attempts, "attempt", "attempts")} · {group.resolved.toLocaleString("en")} resolved
        </span>
        <OutcomeBar resolved={group.resolved} unresolved={group.unresolved} unknown={group.unknown} />
        <span className="flex flex-wrap gap-1">
          {group.models.slice(0, modelsShown).map((model) => (
            <span key={model} className="rounded bg-stone-100 px-1.5 py-0.5 text-xs">
              {model}
            </span>
          ))}
          {hiddenModels > 0 && <span className="px-1 text-xs text-stone-500">+{hiddenModels} more</span>}
        </span>
        <span className="ml-auto flex gap-3">
          <Link href={listHref(query, { instance: [instanceId] })} prefetch={false} aria-label={`Episodes of ${instanceId}`} className="text-blue-700 hover:underline">
            episodes
          </Link>
          <Link href={matrixHref(query, { instance: [instanceId] })} prefetch={false} aria-label={`Matrix of ${instanceId}`} className="text-blue-700 hover:underline">
            matrix
          </Link>
        </span>
      </div>
      {isExpanded && <GroupAttempts id={attemptsId} query={query} instanceId={instanceId} attempts={group.attempts} />}
    </article>
  );
}
