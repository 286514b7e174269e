/**
 * The corpus index as a redaction (../redaction.ts) shows it: the withheld episodes' review
 * status reads pending, their score and review time unknown, their labels the bulk-added ones
 * and their annotators none. A view over the live store — copies of just those five columns,
 * everything else shared — so the counting code runs unchanged, and callers without a redaction
 * never pay for it.
 */
import type { Redaction } from "../redaction";
import type { CorpusStore } from "./store";

const views = new Map<string, CorpusStore>();
/** A few annotators at a time: a view costs some 30 bytes per episode. */
const VIEWS_KEPT = 2;

function buildView(store: CorpusStore, redaction: Redaction): CorpusStore {
  const labels = new Map<number, readonly string[]>();
  for (const [id, bulkLabels] of redaction.bulkLabels) {
    const slot = store.slotOf(id);
    if (slot >= 0) labels.set(slot, bulkLabels);
  }
  const pending = store.dictionaries.review.code("pending");
  const review = store.codes.review.slice();
  const score = store.numbers.score.slice();
  const reviewedAt = store.numbers.reviewedAt.slice();
  for (const slot of labels.keys()) {
    review[slot] = pending;
    score[slot] = NaN;
    reviewedAt[slot] = NaN;
  }
  const view = Object.create(store) as CorpusStore;
  view.codes = { ...store.codes, review };
  view.numbers = { ...store.numbers, score, reviewedAt };
  Object.defineProperty(view, "multi", {
    value: {
      ...store.multi,
      label: store.multi.label.withValues(labels),
      annotator: store.multi.annotator.withValues(new Map([...labels.keys()].map((slot) => [slot, []]))),
    },
  });
  return view;
}

/**
 * The store as `redaction` shows it. Use it before the next await, as the store itself: it is
 * built from the store's current state (and reused while the store's version stays the same).
 */
export function redactStore(store: CorpusStore, redaction: Redaction | null): CorpusStore {
  if (!redaction) return store;
  const key = `${store.version}:${redaction.key}`;
  let view = views.get(key);
  if (!view) {
    view = buildView(store, redaction);
    views.set(key, view);
    if (views.size > VIEWS_KEPT) views.delete(views.keys().next().value!);
  }
  return view;
}
