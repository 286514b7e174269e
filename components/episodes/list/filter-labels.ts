/** How filter keys and values read in the sidebar and the active-filter chips. */
import type { CountedFacet } from "@/lib/search/facets";
import type { FacetKey, RangeKey } from "@/lib/search/filter";

/** The keys that hold a list of values (OR within a key). */
export type ListedKey = FacetKey | "path";
/**
 * The facets the counts endpoint answers, in sidebar order. Restated because lib/search/facets.ts
 * is server code (it queries the database); a test keeps the two lists equal.
 */
export const countedFacetOrder = ["kind", "source", "repo", "agent", "model", "exit", "resolved", "review", "flag", "batch", "label", "annotator", "tool"] as const satisfies readonly CountedFacet[];

export type TriStateKey = "hasTests" | "hasGold";

export const listedTitles: Record<ListedKey, string> = {
  kind: "Kind",
  source: "Source format",
  repo: "Repository",
  agent: "Agent",
  model: "Model",
  exit: "Exit status",
  resolved: "Outcome",
  review: "Review status",
  flag: "Quality flags",
  batch: "Import batch",
  label: "Label",
  annotator: "Annotator",
  tool: "Tool",
  instance: "Instance",
  path: "Touched path",
};

export const rangeTitles: Record<RangeKey, string> = {
  steps: "Steps",
  tokens: "Tokens",
  cost: "Cost",
  score: "Score",
  patch: "Patch bytes",
  files: "Files touched",
};

export const triStateTitles: Record<TriStateKey, string> = { hasTests: "Has tests", hasGold: "Has gold patch" };

const resolvedLabels: Record<string, string> = { true: "resolved", false: "unresolved", unknown: "unknown" };

export function valueLabel(key: ListedKey, value: string): string {
  if (key === "resolved") return resolvedLabels[value] ?? value;
  if (key === "batch") return `#${value}`;
  if (key === "flag" || key === "exit" || key === "review") return value.replaceAll("_", " ");
  return value;
}

export function formatRangeValue(key: RangeKey, value: number): string {
  if (key === "cost") return `$${value >= 0.01 ? Number(value.toFixed(2)) : Number(value.toPrecision(2))}`;
  return value.toLocaleString("en", { maximumFractionDigits: 2 });
}
