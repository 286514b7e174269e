/** How numbers read in the list's cells: compact, right-aligned, "—" when unknown. */
export function formatCount(value: number): string {
  return value.toLocaleString("en");
}

export function formatCost(value: number | null): string {
  if (value === null) return "—";
  return value < 0.01 ? `$${value.toFixed(4)}` : `$${value.toFixed(2)}`;
}

export function formatScore(value: number | null): string {
  return value === null ? "—" : String(Math.round(value * 100) / 100);
}

export function formatTotal(total: number, isEstimated: boolean): string {
  return `${isEstimated ? "≈" : ""}${total.toLocaleString("en")} ${total === 1 ? "episode" : "episodes"}`;
}
