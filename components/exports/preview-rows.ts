/** The preview's chart rows: where each component's matched episodes went. Pure. */
import { dropReasons, type DropReason, type PlanReport } from "@/lib/export/types";

export const dropReasonLabels: Record<DropReason, string> = {
  review_status: "review status",
  over_max_tokens: "over max tokens",
  decontaminated: "decontaminated",
  exact_duplicate: "exact duplicate",
  near_duplicate: "near duplicate",
  not_sampled: "not sampled",
};

export type PreviewRow = { name: string; selected: number; sharePercent: number } & Record<DropReason, number>;

export function previewRows(report: PlanReport): PreviewRow[] {
  return report.components.map((component) => ({
    name: component.name,
    selected: component.episodes,
    sharePercent: Math.round(component.share * 1000) / 10,
    ...Object.fromEntries(dropReasons.map((reason) => [reason, component.dropped[reason] ?? 0])),
  })) as PreviewRow[];
}

/** Reasons that dropped anything, so the legend lists only what happened. */
export function activeReasons(report: PlanReport): DropReason[] {
  return dropReasons.filter((reason) => report.components.some((c) => (c.dropped[reason] ?? 0) > 0));
}
