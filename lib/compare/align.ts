/**
 * Aligning two episodes step by step: a global (Needleman-Wunsch) alignment over step
 * signatures. Steps that did the same thing line up; a step with no counterpart faces a gap.
 * Steps of different kinds or tools never share a row — a command facing a message would claim a
 * likeness that is not there — so they become two gapped rows instead.
 */
import { stepLikeness, type StepSignature } from "./signature";

export type AlignedRow = {
  /** Step index in episode A, or null for a gap on A's side. */
  a: number | null;
  b: number | null;
  match: "same" | "similar" | "gap";
};

const SCORE = { same: 3, similar: 1, gap: -1 } as const;
/** Past this many DP cells (~16 MB of traceback) the middle is paired in order instead. */
const MAX_CELLS = 16_000_000;

const DIAGONAL = 0;
const UP = 1; // consume a step of A, gap in B
const LEFT = 2; // consume a step of B, gap in A

export function alignSteps(a: readonly StepSignature[], b: readonly StepSignature[]): AlignedRow[] {
  let start = 0;
  while (start < a.length && start < b.length && stepLikeness(a[start], b[start]) === "same") start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && stepLikeness(a[endA - 1], b[endB - 1]) === "same") {
    endA--;
    endB--;
  }
  const same = (i: number, j: number): AlignedRow => ({ a: a[i].idx, b: b[j].idx, match: "same" });
  const head = Array.from({ length: start }, (_, k) => same(k, k));
  const tail = Array.from({ length: a.length - endA }, (_, k) => same(endA + k, endB + k));
  const middleA = a.slice(start, endA);
  const middleB = b.slice(start, endB);
  const middle = (middleA.length + 1) * (middleB.length + 1) <= MAX_CELLS ? needlemanWunsch(middleA, middleB) : inOrder(middleA, middleB);
  return [...head, ...middle, ...tail];
}

function pairScore(x: StepSignature, y: StepSignature): number | null {
  const likeness = stepLikeness(x, y);
  return likeness === "different" ? null : SCORE[likeness];
}

function needlemanWunsch(a: readonly StepSignature[], b: readonly StepSignature[]): AlignedRow[] {
  const n = a.length;
  const m = b.length;
  const width = m + 1;
  const trace = new Uint8Array((n + 1) * width);
  let previous = new Int32Array(width);
  let current = new Int32Array(width);
  for (let j = 1; j <= m; j++) {
    previous[j] = j * SCORE.gap;
    trace[j] = LEFT;
  }
  for (let i = 1; i <= n; i++) {
    current[0] = i * SCORE.gap;
    trace[i * width] = UP;
    for (let j = 1; j <= m; j++) {
      const pair = pairScore(a[i - 1], b[j - 1]);
      let best = previous[j] + SCORE.gap;
      let move = UP;
      const left = current[j - 1] + SCORE.gap;
      if (left > best) {
        best = left;
        move = LEFT;
      }
      if (pair !== null && previous[j - 1] + pair >= best) {
        best = previous[j - 1] + pair;
        move = DIAGONAL;
      }
      current[j] = best;
      trace[i * width + j] = move;
    }
    [previous, current] = [current, previous];
  }

  const rows: AlignedRow[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const move = trace[i * width + j];
    if (move === DIAGONAL && i > 0 && j > 0) {
      rows.push({ a: a[i - 1].idx, b: b[j - 1].idx, match: stepLikeness(a[i - 1], b[j - 1]) === "same" ? "same" : "similar" });
      i--;
      j--;
    } else if (move === UP && i > 0) {
      rows.push({ a: a[--i].idx, b: null, match: "gap" });
    } else {
      rows.push({ a: null, b: b[--j].idx, match: "gap" });
    }
  }
  return rows.reverse();
}

/** The fallback for huge episodes: walk both in order, pairing alike steps and gapping the rest. */
function inOrder(a: readonly StepSignature[], b: readonly StepSignature[]): AlignedRow[] {
  const rows: AlignedRow[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const likeness = i < a.length && j < b.length ? stepLikeness(a[i], b[j]) : "different";
    if (likeness !== "different") rows.push({ a: a[i++].idx, b: b[j++].idx, match: likeness });
    else if (i < a.length && (j >= b.length || a.length - i >= b.length - j)) rows.push({ a: a[i++].idx, b: null, match: "gap" });
    else rows.push({ a: null, b: b[j++].idx, match: "gap" });
  }
  return rows;
}

export type AlignmentSummary = { rows: number; same: number; similar: number; gaps: number };

export function summarizeAlignment(rows: readonly AlignedRow[]): AlignmentSummary {
  const summary = { rows: rows.length, same: 0, similar: 0, gaps: 0 };
  for (const row of rows) {
    if (row.match === "same") summary.same++;
    else if (row.match === "similar") summary.similar++;
    else summary.gaps++;
  }
  return summary;
}
