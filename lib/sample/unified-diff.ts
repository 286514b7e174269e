/**
 * A tiny unified-diff builder: whole-file before/after -> a `git diff` block with 3 lines of
 * context. Generated patches go through the same parsers and patch-sanity checks as real ones,
 * so they must be well-formed, including git's headers for created, deleted and renamed files.
 */
import { createHash } from "node:crypto";

export type FileChange = {
  path: string;
  /** null: the file is created. */
  before: string | null;
  /** null: the file is deleted. */
  after: string | null;
  /** Set when the file is renamed to this path. */
  newPath?: string;
};

type Op = { kind: " " | "-" | "+"; text: string };

// Marks a last line without a trailing newline so it never compares equal to one with it.
const NO_EOL = "\u0000";
const ZERO_ID = "0000000000";

/** The abbreviated git blob id of `content`, as in a diff's `index` line. */
export function blobId(content: string): string {
  const body = Buffer.from(content, "utf8");
  return createHash("sha1").update(`blob ${body.length}\0`).update(body).digest("hex").slice(0, 10);
}

function splitLines(text: string): string[] {
  if (text === "") return [];
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  else lines[lines.length - 1] += NO_EOL;
  return lines;
}

/** Edit script; trims the common prefix and suffix, then LCS on what is left (small for local edits). */
function diffLines(a: string[], b: string[]): Op[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  const ops: Op[] = a.slice(0, head).map((text) => ({ kind: " ", text }));
  if (midA.length * midB.length > 4_000_000) {
    // Too big for the quadratic table: a correct (if not minimal) diff.
    for (const text of midA) ops.push({ kind: "-", text });
    for (const text of midB) ops.push({ kind: "+", text });
  } else {
    const n = midA.length;
    const m = midB.length;
    const table = new Uint32Array((n + 1) * (m + 1));
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        table[i * (m + 1) + j] =
          midA[i] === midB[j]
            ? table[(i + 1) * (m + 1) + j + 1] + 1
            : Math.max(table[(i + 1) * (m + 1) + j], table[i * (m + 1) + j + 1]);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && midA[i] === midB[j]) {
        ops.push({ kind: " ", text: midA[i] });
        i++;
        j++;
      } else if (i < n && (j === m || table[(i + 1) * (m + 1) + j] >= table[i * (m + 1) + j + 1])) {
        ops.push({ kind: "-", text: midA[i++] });
      } else {
        ops.push({ kind: "+", text: midB[j++] });
      }
    }
  }
  for (const text of a.slice(a.length - tail)) ops.push({ kind: " ", text });
  return ops;
}

function range(start: number, count: number): string {
  return count === 1 ? `${start}` : `${start},${count}`;
}

function printOp(op: Op): string {
  return op.text.endsWith(NO_EOL)
    ? `${op.kind}${op.text.slice(0, -1)}\n\\ No newline at end of file\n`
    : `${op.kind}${op.text}\n`;
}

/** Just the `@@` hunks between two texts (empty when they are equal). */
export function diffHunks(before: string, after: string, context = 3): string {
  const oldLines = splitLines(before);
  const ops = diffLines(oldLines, splitLines(after));
  let out = "";
  let i = 0;
  let oldSeen = 0;
  let newSeen = 0;
  let cursor = 0;
  while (i < ops.length) {
    if (ops[i].kind === " ") {
      i++;
      continue;
    }
    let last = i;
    let j = i;
    while (j < ops.length) {
      if (ops[j].kind !== " ") {
        last = j++;
        continue;
      }
      let run = 0;
      while (j + run < ops.length && ops[j + run].kind === " ") run++;
      if (run > 2 * context || j + run === ops.length) break;
      j += run;
    }
    const start = Math.max(cursor, i - context);
    const end = Math.min(ops.length, last + 1 + context);
    for (; cursor < start; cursor++) {
      if (ops[cursor].kind !== "+") oldSeen++;
      if (ops[cursor].kind !== "-") newSeen++;
    }
    const hunk = ops.slice(start, end);
    const oldCount = hunk.filter((op) => op.kind !== "+").length;
    const newCount = hunk.filter((op) => op.kind !== "-").length;
    const oldStart = oldCount === 0 ? oldSeen : oldSeen + 1;
    const newStart = newCount === 0 ? newSeen : newSeen + 1;
    const funcLine = oldLines.slice(0, oldSeen).reverse().find((line) => /^[A-Za-z_$]/.test(line));
    const funcName = funcLine ? ` ${funcLine.replace(NO_EOL, "").slice(0, 80).trimEnd()}` : "";
    out += `@@ -${range(oldStart, oldCount)} +${range(newStart, newCount)} @@${funcName}\n`;
    out += hunk.map(printOp).join("");
    for (; cursor < end; cursor++) {
      if (ops[cursor].kind !== "+") oldSeen++;
      if (ops[cursor].kind !== "-") newSeen++;
    }
    i = end;
  }
  return out;
}

function similarity(before: string, after: string): number {
  const ops = diffLines(splitLines(before), splitLines(after));
  const kept = ops.filter((op) => op.kind === " ").length;
  const total = Math.max(1, ops.filter((op) => op.kind !== "+").length, ops.filter((op) => op.kind !== "-").length);
  return Math.floor((100 * kept) / total);
}

/** One file's block of a `git diff`, or "" when nothing changed. */
export function unifiedDiff(change: FileChange, context = 3): string {
  const { path, before, after } = change;
  const target = change.newPath ?? path;
  if (before === null && after === null) return "";
  if (before !== null && after !== null && before === after && target === path) return "";
  let out = `diff --git a/${path} b/${target}\n`;
  if (before === null) {
    out += `new file mode 100644\nindex ${ZERO_ID}..${blobId(after!)}\n`;
    if (after === "") return out;
    return out + `--- /dev/null\n+++ b/${target}\n` + diffHunks("", after!, context);
  }
  if (after === null) {
    out += `deleted file mode 100644\nindex ${blobId(before)}..${ZERO_ID}\n`;
    if (before === "") return out;
    return out + `--- a/${path}\n+++ /dev/null\n` + diffHunks(before, "", context);
  }
  if (target !== path) {
    out += `similarity index ${similarity(before, after)}%\nrename from ${path}\nrename to ${target}\n`;
    if (before === after) return out;
  }
  out += `index ${blobId(before)}..${blobId(after)} 100644\n--- a/${path}\n+++ b/${target}\n`;
  return out + diffHunks(before, after, context);
}

/** Several files' blocks, in the order given (callers sort by path to match git). */
export function gitDiff(changes: readonly FileChange[], context = 3): string {
  return changes.map((change) => unifiedDiff(change, context)).join("");
}
