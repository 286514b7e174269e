/**
 * The shape of a seeded bug: a function's source with the bug, the line edits that fix it,
 * and the words and behaviour around it (issue text, a reproduction, a regression test).
 * Rollouts and PR samples are built from these so that issue, edits, outputs and patch agree.
 */

export type Language = "python" | "typescript" | "go" | "rust";

/** Replace lines [start, end) of the function with `replacement` (start === end inserts). */
export type LineFix = { start: number; end: number; replacement: string[] };

export type Failure =
  /** An exception raised at `line` (index into the function's lines). */
  | { kind: "raise"; errorType: string; message: string; line: number; recursive?: boolean }
  /** No exception, just a wrong result (repr strings as Python would print them). */
  | { kind: "wrong"; got: string; expected: string };

export type BugSpec = {
  lines: string[];
  /** Sorted, non-overlapping. */
  fixes: LineFix[];
  imports: string[];
  title: string;
  /** Issue prose (markdown), without reproduction or environment sections. */
  description: string;
  /** A regression test (a complete test function, unindented). */
  test: string[];
  /** Python only: statements before the call in a reproduction script. */
  setup?: string[];
  /** Python only: the expression a reproduction script evaluates. */
  call?: string;
  failure?: Failure;
  /** Python only: what the reproduction prints once fixed. */
  fixedResult?: string;
};

export type BugTemplate = {
  key: string;
  language: Language;
  /** Candidate names for the function (or type, for methods). */
  names: readonly string[];
  build(name: string): BugSpec;
};

/** The function's lines after its fixes. */
export function applyFixes(lines: readonly string[], fixes: readonly LineFix[]): string[] {
  const out: string[] = [];
  let cursor = 0;
  for (const fix of fixes) {
    out.push(...lines.slice(cursor, fix.start), ...fix.replacement);
    cursor = fix.end;
  }
  out.push(...lines.slice(cursor));
  return out;
}

function countOccurrences(haystack: string, needle: string): number {
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) count++;
  return count;
}

/**
 * A `str_replace` for replacing file lines [start, end) with `replacement`: grows the replaced
 * block by whole lines until `old` occurs exactly once in the file, as an editor tool requires.
 */
export function strReplaceFor(
  fileLines: readonly string[],
  start: number,
  end: number,
  replacement: readonly string[],
): { old: string; new: string } {
  const content = fileLines.join("\n") + "\n";
  let from = start;
  let to = end;
  // A pure insertion still needs an anchor line to replace.
  if (from === to) {
    if (from > 0) from--;
    else to++;
  }
  for (;;) {
    const old = fileLines.slice(from, to).join("\n");
    const isBlank = old.trim() === "";
    if (!isBlank && countOccurrences(content, old) === 1) {
      const lines = [...fileLines.slice(from, start), ...replacement, ...fileLines.slice(end, to)];
      return { old, new: lines.join("\n") };
    }
    if (from > 0) from--;
    else if (to < fileLines.length) to++;
    else throw new Error("no unique anchor in file");
  }
}
