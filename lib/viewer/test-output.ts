/**
 * Pass / fail counts from test-runner output, where the output allows: pytest's summary line
 * (`=== 2 failed, 10 passed in 1.2s ===`, or the bare `-q` form) and unittest's `Ran N tests` +
 * `OK` / `FAILED (failures=…, errors=…)`, which Django's runner prints too. When one output holds
 * several runs, the last one counts (it is what the agent saw last). Pure.
 */
import { stripAnsi } from "./ansi";

export type TestFramework = "pytest" | "unittest" | "django";

export type TestRunSummary = {
  framework: TestFramework;
  passed: number;
  failed: number;
  errors: number;
  skipped: number;
  /** Tests named as failing or erroring in the output (may be fewer than the counts: outputs get cut). */
  failing: string[];
};

const MAX_NAMES = 50;

const pytestCounts = /(\d+) (passed|failed|errors?|skipped|xfailed|xpassed|deselected|warnings?|rerun)\b/g;
// `==== 1 failed, 2 passed in 0.12s ====` or `1 failed, 2 passed in 0.12s` (-q), optionally `(0:00:01)`.
const pytestSummary = /^(?:=+ )?((?:\d+ (?:passed|failed|errors?|skipped|xfailed|xpassed|deselected|warnings?|rerun)(?:, )?)+) in \d+(?:\.\d+)?s\b.*$/gm;
const pytestNoTests = /^=+ no tests ran in \d+(?:\.\d+)?s/m;
// Node ids (`tests/test_a.py::test_b[x]`), or a module that failed to collect (`tests/test_a.py`).
const pytestFailing = /^(FAILED|ERROR) (\S*(?:::|\.py)\S*)/gm;

const unittestRan = /^Ran (\d+) tests? in \d+(?:\.\d+)?s\s*$/gm;
const unittestVerdict = /^(OK|FAILED)(?: \(([^)]*)\))?\s*$/m;
// `FAIL: test_x (module.Class)` or, since Python 3.11, `ERROR: test_x (module.Class.test_x)`.
const unittestFailing = /^(FAIL|ERROR): (\S+) \(([^)\s]+)\)/gm;
const djangoMarkers = /Creating test database for alias|System check identified|Testing against Django installed|django\.test|runtests\.py/;

function lastMatch(pattern: RegExp, text: string): RegExpExecArray | null {
  let last: RegExpExecArray | null = null;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) last = match;
  return last;
}

function uniqueNames(names: Iterable<string>): string[] {
  return [...new Set(names)].slice(0, MAX_NAMES);
}

function parsePytest(text: string): TestRunSummary | null {
  const summary = lastMatch(pytestSummary, text);
  if (!summary) return pytestNoTests.test(text) ? { framework: "pytest", passed: 0, failed: 0, errors: 0, skipped: 0, failing: [] } : null;
  const counts: Record<string, number> = {};
  for (const [, n, word] of summary[1].matchAll(pytestCounts)) counts[word.replace(/s$/, "")] = Number(n);
  const failing = uniqueNames([...text.slice(0, summary.index).matchAll(pytestFailing)].map((m) => m[2]));
  return {
    framework: "pytest",
    passed: (counts.passed ?? 0) + (counts.xpassed ?? 0),
    failed: counts.failed ?? 0,
    errors: counts.error ?? 0,
    skipped: (counts.skipped ?? 0) + (counts.xfailed ?? 0),
    failing,
  };
}

function parseUnittest(text: string): TestRunSummary | null {
  const ran = lastMatch(unittestRan, text);
  if (!ran) return null;
  const total = Number(ran[1]);
  const after = text.slice(ran.index + ran[0].length);
  const verdict = unittestVerdict.exec(after);
  const counts: Record<string, number> = {};
  for (const item of (verdict?.[2] ?? "").split(",")) {
    const [key, value] = item.split("=").map((s) => s.trim());
    if (key && /^\d+$/.test(value ?? "")) counts[key] = Number(value);
  }
  const failed = counts.failures ?? 0;
  const errors = counts.errors ?? 0;
  const skipped = (counts.skipped ?? 0) + (counts["expected failures"] ?? 0);
  const unexpected = counts["unexpected successes"] ?? 0;
  const failing = uniqueNames(
    [...text.slice(0, ran.index).matchAll(unittestFailing)].map(([, , method, where]) => (where.endsWith(`.${method}`) ? where : `${where}.${method}`)),
  );
  return {
    framework: djangoMarkers.test(text) ? "django" : "unittest",
    passed: Math.max(0, total - failed - errors - skipped - unexpected),
    failed: failed + unexpected,
    errors,
    skipped,
    failing,
  };
}

/** Counts from the last test run in the output; null when the output shows none. */
export function parseTestOutput(output: string): TestRunSummary | null {
  // Runner summaries are coloured on a terminal; the counts are in the text.
  const text = (output.includes("\x1b") ? stripAnsi(output) : output).replace(/\r\n?/g, "\n");
  const pytest = parsePytest(text);
  const unittest = parseUnittest(text);
  if (pytest && unittest) {
    // Both shapes in one output (pytest running unittest cases prints only its own summary, but an
    // agent can run one runner after the other): the one that ends later is the last run.
    return text.lastIndexOf("Ran ") > (lastMatch(pytestSummary, text)?.index ?? -1) ? unittest : pytest;
  }
  return pytest ?? unittest;
}

export function testRunLabel(summary: TestRunSummary): string {
  const parts = [`${summary.passed} passed`, `${summary.failed} failed`];
  if (summary.errors > 0) parts.push(`${summary.errors} errors`);
  if (summary.skipped > 0) parts.push(`${summary.skipped} skipped`);
  return parts.join(", ");
}
