/** Agreement figures as text, and the kappa table (annotator pairs × dimensions). */
import type { DimensionAgreement, QueueAgreement } from "@/lib/review/consensus/schema";

/** Three decimals with a real minus sign; "undefined" when the coefficient is not defined. */
export function formatCoefficient(value: number | null): string {
  if (value === null) return "undefined";
  const text = Math.abs(value).toFixed(3);
  return value < 0 && text !== "0.000" ? `−${text}` : text;
}

/** Krippendorff's customary reading of alpha. */
export function alphaReading(alpha: number | null): string {
  if (alpha === null) return "too little data or no variation";
  if (alpha >= 0.8) return "reliable";
  if (alpha >= 0.667) return "tentative";
  return "low";
}

export type KappaCell = { kappa: number | null; items: number } | null;
export type KappaRow = { key: string; a: string; b: string; cells: KappaCell[] };

/** The verdict first, then every dimension agreement covers. */
export function agreementDimensions(agreement: QueueAgreement): DimensionAgreement[] {
  return [agreement.verdict, ...agreement.dimensions];
}

const personName = (p: { name: string; email: string }) => p.email || p.name;

/** One row per annotator pair that judged an item in common; a cell per dimension (null: no shared items there). */
export function kappaRows(agreement: QueueAgreement): KappaRow[] {
  const dimensions = agreementDimensions(agreement);
  const rows = new Map<string, KappaRow>();
  dimensions.forEach((dimension, column) => {
    for (const pair of dimension.pairs) {
      const [a, b] = [pair.a, pair.b].sort((x, y) => personName(x).localeCompare(personName(y)));
      const key = `${a.id}|${b.id}`;
      const row = rows.get(key) ?? { key, a: personName(a), b: personName(b), cells: dimensions.map(() => null) };
      row.cells[column] = { kappa: pair.kappa, items: pair.items };
      rows.set(key, row);
    }
  });
  return [...rows.values()].sort((x, y) => x.a.localeCompare(y.a) || x.b.localeCompare(y.b));
}
