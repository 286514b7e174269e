/**
 * Editor actions on the simulated workspace: the fix as `str_replace` / `insert` calls whose
 * `old_str` really occurs once in the file, and the numbered snippet an editor tool echoes back.
 */
import { strReplaceFor } from "./bug-template";
import type { Instance } from "./instance";
import { catN } from "./shell-output";
import { readFile, type Workspace } from "./workspace";

export type EditAction =
  | { tool: "str_replace"; path: string; old: string; new: string; ok: boolean; snippet: string }
  | { tool: "insert"; path: string; line: number; text: string; snippet: string };

function fileLines(content: string): string[] {
  const lines = content.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** Lines around [from, to) of the new content, numbered like `cat -n`. */
function snippetAround(content: string, from: number, to: number): string {
  return catN(fileLines(content), Math.max(1, from + 1 - 4), to + 4);
}

/**
 * Fix number `index` of the planted bug as one editor action, computed against the workspace
 * after the earlier fixes; `after` is the file once it is applied.
 */
export function fixEdit(instance: Instance, ws: Workspace, index: number, preferInsert: boolean): { action: EditAction; after: string } {
  const { project } = instance;
  const path = project.modulePath;
  const fixes = project.spec.fixes;
  const fix = fixes[index];
  const offset = fixes.slice(0, index).reduce((sum, f) => sum + f.replacement.length - (f.end - f.start), 0);
  const start = project.fnStart + fix.start + offset;
  const end = project.fnStart + fix.end + offset;
  const content = readFile(ws, path)!;
  const lines = fileLines(content);
  if (fix.start === fix.end && preferInsert) {
    const after = [...lines.slice(0, start), ...fix.replacement, ...lines.slice(start)].join("\n") + "\n";
    const snippet = snippetAround(after, start, start + fix.replacement.length);
    return { action: { tool: "insert", path, line: start, text: fix.replacement.join("\n"), snippet }, after };
  }
  const { old, new: replacement } = strReplaceFor(lines, start, end, fix.replacement);
  const at = content.indexOf(old);
  const after = content.slice(0, at) + replacement + content.slice(at + old.length);
  const firstLine = content.slice(0, at).split("\n").length - 1;
  const snippet = snippetAround(after, firstLine, firstLine + replacement.split("\n").length);
  return { action: { tool: "str_replace", path, old, new: replacement, ok: true, snippet }, after };
}

/** A `str_replace` whose `old_str` has the wrong indentation, so it matches nothing. */
export function failedReplace(instance: Instance, ws: Workspace): EditAction | null {
  const { project } = instance;
  const fix = project.spec.fixes[0];
  const content = readFile(ws, project.modulePath)!;
  const lines = fileLines(content);
  const start = project.fnStart + fix.start;
  const end = project.fnStart + Math.max(fix.end, fix.start + 1);
  const old = lines.slice(start, end).map((l) => l.replace(/^ {4}/, "  ")).join("\n");
  if (old.trim() === "" || content.includes(old)) return null;
  return { tool: "str_replace", path: project.modulePath, old, new: fix.replacement.join("\n"), ok: false, snippet: "" };
}

/** Appends the instance's regression test to its test module (an edit to a test file). */
export function addRegressionTest(instance: Instance, ws: Workspace, asInsert: boolean): { action: EditAction; after: string } {
  const { project } = instance;
  const path = project.testPath;
  const content = readFile(ws, path)!;
  const lines = fileLines(content);
  const addition = ["", "", ...project.spec.test];
  const after = content + addition.join("\n") + "\n";
  const snippet = snippetAround(after, lines.length, lines.length + addition.length);
  if (asInsert) {
    return { action: { tool: "insert", path, line: lines.length, text: addition.join("\n"), snippet }, after };
  }
  const { old, new: replacement } = strReplaceFor(lines, lines.length, lines.length, addition);
  const at = content.indexOf(old);
  const replaced = content.slice(0, at) + replacement + content.slice(at + old.length);
  return { action: { tool: "str_replace", path, old, new: replacement, ok: true, snippet }, after: replaced };
}
