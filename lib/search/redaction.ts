/**
 * Reading the corpus with some episodes' review withheld — blind review: lib/review/blind-redaction.ts
 * decides which episodes, for whom. Those episodes read as if nobody had judged them: review
 * status pending, no score, no review time, no annotators, and only the labels bulk actions added
 * (episodes.bulk_labels; the judgments' labels are what is withheld). Every reader applies the
 * same values: the list's rows, its filters and sort (to-sql.ts, keyset.ts), and the corpus
 * index's counts, histograms and group-bys (corpus/redact.ts), so filtering or counting by a
 * withheld field never reveals it.
 */
import { createHash } from "node:crypto";

export type Redaction = {
  /** The episodes whose review is withheld, ascending. */
  ids: number[];
  /** Their bulk-added labels: the only labels they show. */
  bulkLabels: ReadonlyMap<number, readonly string[]>;
  /** Identity for caches: equal keys, equal redactions. */
  key: string;
};

/** null when nothing is withheld, so callers keep their fast, shared paths. */
export function makeRedaction(rows: readonly { id: number; bulkLabels: readonly string[] | null }[]): Redaction | null {
  if (rows.length === 0) return null;
  const sorted = [...rows].sort((a, b) => a.id - b.id);
  const bulkLabels = new Map(sorted.map((row) => [row.id, row.bulkLabels ?? []]));
  const key = createHash("sha256").update(JSON.stringify(sorted.map((row) => [row.id, row.bulkLabels ?? []]))).digest("base64url");
  return { ids: sorted.map((row) => row.id), bulkLabels, key };
}

/** The withheld fields' values, as the rows of the list and of one episode carry them. */
const withheld = { reviewStatus: "pending", score: null, reviewedAt: null, annotators: [], reviewLabels: [] } as const;

/**
 * An episode row (list item or whole episode) as the redaction shows it; fields the row does not
 * carry stay absent. Rows outside the redaction come back unchanged.
 */
export function redactRow<T extends { id: number }>(row: T, redaction: Redaction | null): T {
  const bulkLabels = redaction?.bulkLabels.get(row.id);
  if (!bulkLabels) return row;
  const out: Record<string, unknown> = { ...row };
  for (const [field, value] of Object.entries(withheld)) if (field in out) out[field] = value;
  if ("labels" in out) out.labels = [...bulkLabels];
  return out as T;
}

/** Whether the episode's review is withheld (its score then sorts as unknown). */
export function isWithheld(redaction: Redaction | null, id: number): boolean {
  return redaction?.bulkLabels.has(id) ?? false;
}
