import Link from "next/link";
import { listHref } from "@/components/episodes/groups/group-links";
import type { MatrixCell as Cell, OTHER_MODELS } from "@/lib/search/groups";
import { cellOutcome, outcomeTone, outcomeWords } from "./cell-outcome";

/** The column for models past the top ones (lib/search/groups.ts; the type keeps the two equal). */
export const otherColumn: typeof OTHER_MODELS = "other";

type MatrixCellProps = { query: string; instanceId: string; model: string; cell: Cell | undefined };

/** One instance × model cell: "resolved/attempts", coloured by outcome, a link to those attempts. */
export function MatrixCell({ query, instanceId, model, cell }: MatrixCellProps) {
  const outcome = cellOutcome(cell);
  if (!cell || outcome === "none")
    return (
      <td className="min-w-16 border-b border-r border-stone-100 px-1 py-1">
        <span className="sr-only">{`${instanceId}, ${model}: no attempt`}</span>
      </td>
    );
  const isOther = model === otherColumn;
  // "other" is many models, which one filter value cannot name: it opens every attempt on the instance.
  const href = listHref(query, isOther ? { instance: [instanceId] } : { instance: [instanceId], model: [model] });
  const label = `${instanceId}, ${isOther ? "other or no model" : model}: ${cell.resolved} of ${cell.attempts} ${cell.attempts === 1 ? "attempt" : "attempts"} resolved, ${outcomeWords[outcome]}`;
  return (
    <td className="min-w-16 border-b border-r border-stone-100 p-0.5">
      <Link
        href={href}
        prefetch={false}
        aria-label={label}
        title={label}
        className={`block rounded px-2 py-1 text-center font-mono text-xs tabular-nums ${outcomeTone[outcome]}`}
      >
        {cell.resolved}/{cell.attempts}
      </Link>
    </td>
  );
}
