/**
 * Running the test module of the planted bug against the current workspace: the regression
 * test fails (with pytest's failure report pointing at real lines) until the fix is in place.
 */
import { applyFixes } from "./bug-template";
import type { Instance } from "./instance";
import type { CommandResult } from "./plan-outputs";
import { errorLine } from "./python-repro";
import type { Rng } from "./random";
import { pytestOutput, type TestCase } from "./shell-output";
import { readFile, type Workspace } from "./workspace";

export function isFixed(instance: Instance, ws: Workspace): boolean {
  const { project } = instance;
  const fixed = applyFixes(project.spec.lines, project.spec.fixes).join("\n");
  return (readFile(ws, project.modulePath) ?? "").includes(fixed);
}

export function regressionTestName(instance: Instance): string {
  return /^def (\w+)/.exec(instance.project.spec.test[0])![1];
}

function failureDetails(instance: Instance, defLine: number): { details: string[]; reason: string } {
  const { project } = instance;
  const spec = project.spec;
  const body = spec.test.map((line, i) => (i === spec.test.length - 1 ? `>   ${line}` : `    ${line}`));
  const failingTestLine = defLine + spec.test.length;
  const details = [...body];
  if (spec.failure?.kind === "raise") {
    const at = spec.failure.line;
    details.push(
      "",
      `${project.testPath}:${failingTestLine}: `,
      "_ ".repeat(40).trimEnd(),
      "",
      ...spec.lines.slice(0, at + 1).map((line, i) => (i === at ? `>   ${line}` : `    ${line}`)),
      `E       ${errorLine(project)}`,
      "",
      `${project.modulePath}:${project.fnStart + at + 1}: ${spec.failure.errorType}`,
    );
    return { details, reason: errorLine(project) };
  }
  const failure = spec.failure;
  const assertion = failure?.kind === "wrong" ? `assert ${failure.got} == ${failure.expected}` : "assert False";
  details.push(`E       ${assertion}`, "", `${project.testPath}:${failingTestLine}: AssertionError`);
  return { details, reason: assertion };
}

/** `pytest <test module>` (optionally one test) against the current workspace. */
export function moduleTestRun(
  rng: Rng,
  instance: Instance,
  ws: Workspace,
  options: { python: string; only?: string; mode: "default" | "verbose" | "quiet" },
): CommandResult {
  const { project } = instance;
  const content = readFile(ws, project.testPath) ?? "";
  const lines = content.split("\n");
  const fixed = isFixed(instance, ws);
  const regression = regressionTestName(instance);
  const cases: TestCase[] = [];
  lines.forEach((line, index) => {
    const name = /^def (test_\w+)/.exec(line)?.[1];
    if (!name || (options.only && name !== options.only)) return;
    if (name === regression && !fixed) cases.push({ file: project.testPath, name, outcome: "failed", ...failureDetails(instance, index + 1) });
    else cases.push({ file: project.testPath, name, outcome: "passed" });
  });
  const run = pytestOutput({
    python: options.python,
    pytest: "7.4.4",
    cases,
    mode: options.mode,
    seconds: rng.float(0.03, 1.8),
    configfile: "setup.cfg",
  });
  const target = options.only ? `${project.testPath}::${options.only}` : project.testPath;
  const flags = options.mode === "verbose" ? " -v" : options.mode === "quiet" ? " -q" : "";
  return { command: `cd /testbed && python -m pytest ${target}${flags}`, output: run.text, exitCode: cases.length ? run.exitCode : 5 };
}
