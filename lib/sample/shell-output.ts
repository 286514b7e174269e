/**
 * Text that tools print: `cat -n`, Python tracebacks, pytest sessions. Parsers and quality
 * signals key on these shapes (pass/fail counts, `Traceback`, `FAILED …`), so they follow the
 * real layouts closely, including pytest's 80-column banners and progress percentages.
 */

export const WIDTH = 80;

export function catN(lines: readonly string[], from = 1, to = lines.length): string {
  const out: string[] = [];
  for (let n = Math.max(1, from); n <= Math.min(to, lines.length); n++) out.push(`${String(n).padStart(6)}\t${lines[n - 1]}`);
  return out.join("\n");
}

export type Frame = { file: string; line: number; scope: string; code: string };

export function traceback(frames: readonly Frame[], error: string, repeated = 0): string {
  const out = ["Traceback (most recent call last):"];
  frames.forEach((frame, index) => {
    out.push(`  File "${frame.file}", line ${frame.line}, in ${frame.scope}`);
    // Frames from an interactive session have no source line to show.
    if (frame.code.trim()) out.push(`    ${frame.code.trim()}`);
    if (repeated > 0 && index === frames.length - 2) out.push(`  [Previous line repeated ${repeated} more times]`);
  });
  out.push(error);
  return out.join("\n");
}

export function banner(text: string, fill = "="): string {
  const inner = text === "" ? "" : ` ${text} `;
  const left = Math.max(0, Math.floor((WIDTH - inner.length) / 2));
  return fill.repeat(left) + inner + fill.repeat(Math.max(0, WIDTH - inner.length - left));
}

export type TestOutcome = "passed" | "failed" | "skipped" | "xfailed" | "error";
export type TestCase = {
  file: string;
  name: string;
  outcome: TestOutcome;
  /** For failures: the body printed under the test's banner. */
  details?: string[];
  /** For failures: the one-line reason in the short summary. */
  reason?: string;
};

export type PytestRun = {
  python: string;
  pytest: string;
  cases: readonly TestCase[];
  mode: "default" | "verbose" | "quiet";
  seconds: number;
  configfile?: string;
  plugins?: string;
};

const LETTER: Record<TestOutcome, string> = { passed: ".", failed: "F", skipped: "s", xfailed: "x", error: "E" };

function withPercent(text: string, done: number, total: number): string {
  const pct = `[${String(Math.floor((100 * done) / total)).padStart(3)}%]`;
  return text.length + 1 + pct.length > WIDTH ? `${text} ${pct}` : text.padEnd(WIDTH - pct.length) + pct;
}

function progress(cases: readonly TestCase[], verbose: boolean): string[] {
  const out: string[] = [];
  if (verbose) {
    cases.forEach((c, i) => out.push(withPercent(`${c.file}::${c.name} ${c.outcome.toUpperCase()}`, i + 1, cases.length)));
    return out;
  }
  let done = 0;
  let i = 0;
  while (i < cases.length) {
    const file = cases[i].file;
    let prefix = `${file} `;
    let letters = "";
    while (i < cases.length && cases[i].file === file) {
      letters += LETTER[cases[i].outcome];
      done++;
      i++;
      if (prefix.length + letters.length >= WIDTH - 7) {
        out.push(withPercent(prefix + letters, done, cases.length));
        prefix = "";
        letters = "";
      }
    }
    if (letters) out.push(withPercent(prefix + letters, done, cases.length));
  }
  return out;
}

export function summaryCounts(cases: readonly TestCase[]): string {
  const count = (outcome: TestOutcome) => cases.filter((c) => c.outcome === outcome).length;
  const parts: string[] = [];
  if (count("failed")) parts.push(`${count("failed")} failed`);
  if (count("passed")) parts.push(`${count("passed")} passed`);
  if (count("skipped")) parts.push(`${count("skipped")} skipped`);
  if (count("xfailed")) parts.push(`${count("xfailed")} xfailed`);
  if (count("error")) parts.push(`${count("error")} error${count("error") > 1 ? "s" : ""}`);
  return parts.length ? parts.join(", ") : "no tests ran";
}

/** A pytest session as printed to a terminal; the exit code is 1 when anything failed. */
export function pytestOutput(run: PytestRun): { text: string; exitCode: number } {
  const failures = run.cases.filter((c) => c.outcome === "failed" || c.outcome === "error");
  const out: string[] = [];
  if (run.mode !== "quiet") {
    out.push(
      banner("test session starts"),
      `platform linux -- Python ${run.python}, pytest-${run.pytest}, pluggy-1.5.0${run.mode === "verbose" ? ` -- /opt/miniconda3/envs/testbed/bin/python` : ""}`,
    );
    if (run.mode === "verbose") out.push("cachedir: .pytest_cache");
    out.push("rootdir: /testbed");
    if (run.configfile) out.push(`configfile: ${run.configfile}`);
    if (run.plugins) out.push(`plugins: ${run.plugins}`);
    out.push(`collected ${run.cases.length} item${run.cases.length === 1 ? "" : "s"}`, "");
  }
  out.push(...progress(run.cases, run.mode === "verbose"));
  if (failures.length) {
    out.push("", banner("FAILURES"));
    for (const failure of failures) out.push(banner(failure.name, "_"), "", ...(failure.details ?? []));
    out.push(banner("short test summary info"));
    for (const failure of failures)
      out.push(`${failure.outcome === "error" ? "ERROR" : "FAILED"} ${failure.file}::${failure.name}${failure.reason ? ` - ${failure.reason}` : ""}`);
  }
  const tail = `${summaryCounts(run.cases)} in ${run.seconds.toFixed(2)}s`;
  out.push(run.mode === "quiet" ? tail : banner(tail));
  return { text: out.join("\n"), exitCode: failures.length ? 1 : 0 };
}
