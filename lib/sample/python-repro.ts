/**
 * The reproduction script for a planted Python bug and what running it prints before and after
 * the fix. Line numbers in tracebacks point at the real lines of the generated files.
 */
import type { PythonProject } from "./python-module";
import { traceback, type Frame } from "./shell-output";

export type ReproScript = { content: string; lines: string[]; callLine: number };

export function reproScript(project: PythonProject): ReproScript {
  const { spec, fn, moduleName } = project;
  const lines = [`from ${moduleName} import ${fn}`];
  if (spec.setup?.length) lines.push(...spec.setup);
  lines.push("", `result = ${spec.call}`);
  const callLine = lines.length;
  lines.push('print("result:", repr(result))');
  if (spec.failure?.kind === "wrong") {
    const expected = spec.failure.expected;
    lines.push(`assert result == ${expected}, f"expected ${expected.replace(/[{}]/g, (b) => b + b)}, got {result!r}"`);
  }
  return { content: lines.join("\n") + "\n", lines, callLine };
}

/** Frames from the script's call down to the failing line of the module. */
export function failureFrames(project: PythonProject, scriptFile: string, root: string, script: ReproScript): Frame[] {
  const failure = project.spec.failure;
  const frames: Frame[] = [{ file: scriptFile, line: script.callLine, scope: "<module>", code: script.lines[script.callLine - 1] }];
  if (failure?.kind !== "raise") return frames;
  const line = project.fnStart + failure.line;
  const frame = { file: `${root}${project.modulePath}`, line: line + 1, scope: project.fn, code: project.lines[line] };
  frames.push(frame);
  if (failure.recursive) frames.push(frame, frame);
  return frames;
}

export function errorLine(project: PythonProject): string {
  const failure = project.spec.failure;
  if (!failure) return "AssertionError";
  if (failure.kind === "raise") return `${failure.errorType}: ${failure.message}`;
  return `AssertionError: expected ${failure.expected}, got ${failure.got}`;
}

/** Output of `python reproduce_issue.py` in the checkout at `root` ("/testbed/"). */
export function reproOutput(project: PythonProject, script: ReproScript, root: string, fixed: boolean): { text: string; exitCode: number } {
  const failure = project.spec.failure;
  if (fixed || !failure) return { text: `result: ${project.spec.fixedResult ?? "None"}`, exitCode: 0 };
  const scriptFile = `${root}reproduce_issue.py`;
  if (failure.kind === "wrong") {
    const assertLine = script.lines.length;
    const tb = traceback([{ file: scriptFile, line: assertLine, scope: "<module>", code: script.lines[assertLine - 1] }], errorLine(project));
    return { text: `result: ${failure.got}\n${tb}`, exitCode: 1 };
  }
  const frames = failureFrames(project, scriptFile, root, script);
  return { text: traceback(frames, errorLine(project), failure.recursive ? 993 : 0), exitCode: 1 };
}
