/** How a matrix cell reads at a glance: its colour and its words for screen readers. */
import type { MatrixCell } from "@/lib/search/groups";

export type CellOutcome = "resolved" | "mixed" | "unresolved" | "unknown" | "none";

export function cellOutcome(cell: MatrixCell | undefined): CellOutcome {
  if (!cell || cell.attempts === 0) return "none";
  if (cell.resolved === cell.attempts) return "resolved";
  if (cell.resolved > 0) return "mixed";
  // Nothing resolved: red once any attempt is known to have failed, else no verdict at all.
  return cell.unresolved > 0 ? "unresolved" : "unknown";
}

export const outcomeTone: Record<CellOutcome, string> = {
  resolved: "bg-green-200 text-green-900 hover:bg-green-300",
  mixed: "bg-amber-200 text-amber-900 hover:bg-amber-300",
  unresolved: "bg-red-200 text-red-900 hover:bg-red-300",
  unknown: "bg-stone-200 text-stone-700 hover:bg-stone-300",
  none: "",
};

export const outcomeWords: Record<CellOutcome, string> = {
  resolved: "all resolved",
  mixed: "some resolved",
  unresolved: "none resolved",
  unknown: "outcome unknown",
  none: "no attempt",
};
