/** What the bulk-action confirmation and result say; pure, so the wording is tested once. */
export type BulkChoice = { action: "label_add" | "label_remove"; label: string } | { action: "set_review"; reviewStatus: string } | { action: "delete" };

export function episodeCount(count: number): string {
  return `${count.toLocaleString("en-US")} ${count === 1 ? "episode" : "episodes"}`;
}

function quoted(value: string, fallback: string): string {
  return value.trim() ? `${fallback} "${value.trim()}"` : `a ${fallback}`;
}

/** The confirmation's question, e.g. `Add label "tricky" to 1,234 episodes?`. */
export function confirmQuestion(choice: BulkChoice, count: number): string {
  const episodes = episodeCount(count);
  switch (choice.action) {
    case "label_add":
      return `Add ${quoted(choice.label, "label")} to ${episodes}?`;
    case "label_remove":
      return `Remove ${quoted(choice.label, "label")} from ${episodes}?`;
    case "set_review":
      return `Set review status to "${choice.reviewStatus}" on ${episodes}?`;
    case "delete":
      return `Delete ${episodes}?`;
  }
}

export const confirmLabels: Record<BulkChoice["action"], string> = {
  label_add: "Add label",
  label_remove: "Remove label",
  set_review: "Set review status",
  delete: "Delete episodes",
};

/** What happened, after the server answered `{ affected, changed }`. */
export function resultMessage(choice: BulkChoice, affected: number, changed: number): string {
  const episodes = episodeCount(affected);
  const unchanged = affected - changed;
  switch (choice.action) {
    case "label_add":
      return `Added label "${choice.label.trim()}" to ${episodes}${unchanged > 0 ? ` (${unchanged.toLocaleString("en-US")} already had it)` : ""}.`;
    case "label_remove":
      return `Removed label "${choice.label.trim()}" from ${episodes}${unchanged > 0 ? ` (${unchanged.toLocaleString("en-US")} did not have it)` : ""}.`;
    case "set_review":
      return `Set review status to "${choice.reviewStatus}" on ${episodes}.`;
    case "delete":
      return `Deleted ${episodes}.`;
  }
}
