/** The list's columns: what each shows, how wide it is, and which sort its header sets. */
import type { ReactNode } from "react";
import { formatBytes } from "@/components/ui/format-bytes";
import { RelativeTime } from "@/components/ui/relative-time";
import type { SortKey } from "@/lib/search/filter";
import type { EpisodeListItem } from "@/lib/search/find-episodes";
import { OutcomeBadge } from "../outcome-badge";
import { formatCost, formatCount, formatScore } from "./cell-format";

export type Column = {
  id: string;
  title: string;
  /** CSS grid track; `minRem` is its least width, for the table's horizontal scroll. */
  width: string;
  minRem: number;
  sort?: SortKey;
  isNumeric?: boolean;
  render: (episode: EpisodeListItem) => ReactNode;
};

const dash = (value: string | null) => value ?? "—";

function Tags({ values, tone }: { values: string[]; tone: string }) {
  if (values.length === 0) return <span className="text-stone-400">—</span>;
  return (
    <span className="flex flex-wrap gap-1">
      {values.map((value) => (
        <span key={value} className={`rounded px-1.5 py-0.5 text-xs ${tone}`}>
          {value.replaceAll("_", " ")}
        </span>
      ))}
    </span>
  );
}

export const columns: readonly Column[] = [
  // The id cell holds the row's link; see EpisodeRow.
  { id: "id", title: "ID", width: "4rem", minRem: 4, sort: "id", render: (e) => e.id },
  { id: "kind", title: "Kind", width: "7.5rem", minRem: 7.5, render: (e) => e.kind },
  { id: "repo", title: "Repo", width: "minmax(7rem, 1fr)", minRem: 7, render: (e) => dash(e.repo) },
  { id: "instance", title: "Instance", width: "minmax(6.5rem, 1.4fr)", minRem: 6.5, render: (e) => <span className="font-mono text-xs">{dash(e.instanceId)}</span> },
  { id: "agent", title: "Agent", width: "minmax(7rem, 0.8fr)", minRem: 7, render: (e) => dash(e.agent) },
  { id: "model", title: "Model", width: "minmax(6.5rem, 1fr)", minRem: 6.5, render: (e) => dash(e.model) },
  {
    id: "outcome",
    title: "Outcome",
    width: "6.5rem",
    minRem: 6.5,
    // The exit status has its own column, so the badge shows the outcome alone.
    render: (e) => <OutcomeBadge kind={e.kind} resolved={e.resolved} exitStatusClass="unknown" />,
  },
  { id: "exit", title: "Exit status", width: "7rem", minRem: 7, render: (e) => <span title={e.exitStatusRaw ?? undefined}>{e.exitStatusClass.replaceAll("_", " ")}</span> },
  { id: "review", title: "Review", width: "6.5rem", minRem: 6.5, render: (e) => e.reviewStatus.replaceAll("_", " ") },
  { id: "score", title: "Score", width: "4.5rem", minRem: 4.5, sort: "score", isNumeric: true, render: (e) => formatScore(e.score) },
  { id: "labels", title: "Labels", width: "minmax(7rem, 1fr)", minRem: 7, render: (e) => <Tags values={e.labels} tone="bg-violet-100 text-violet-800" /> },
  { id: "steps", title: "Steps", width: "4.5rem", minRem: 4.5, sort: "steps", isNumeric: true, render: (e) => formatCount(e.stepCount) },
  { id: "tokens", title: "Tokens", width: "5.5rem", minRem: 5.5, sort: "tokens", isNumeric: true, render: (e) => formatCount(e.tokenCount) },
  { id: "cost", title: "Cost", width: "5rem", minRem: 5, sort: "cost", isNumeric: true, render: (e) => formatCost(e.costUsd) },
  { id: "patch", title: "Patch", width: "5rem", minRem: 5, sort: "patch", isNumeric: true, render: (e) => formatBytes(e.patchBytes) },
  { id: "files", title: "Files", width: "4rem", minRem: 4, isNumeric: true, render: (e) => formatCount(e.filesTouched) },
  { id: "flags", title: "Quality flags", width: "minmax(8rem, 1fr)", minRem: 8, render: (e) => <Tags values={e.qualityFlags} tone="bg-amber-100 text-amber-900" /> },
  { id: "created", title: "Imported", width: "8.5rem", minRem: 8.5, sort: "created", render: (e) => <RelativeTime value={e.createdAt} /> },
];

export const defaultColumnIds: readonly string[] = ["id", "kind", "repo", "instance", "model", "outcome", "steps", "tokens", "cost", "created"];

export function gridTemplate(visible: readonly Column[]): string {
  return visible.map((column) => column.width).join(" ");
}
