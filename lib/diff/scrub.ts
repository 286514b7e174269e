/** Moving through one file's history: which files to offer first, and the edit before or after a step. */
import type { FileHistory, RepoHistory } from "./repo-state";

export type FileGroup = { label: string; files: FileHistory[] };

/** Files the agent changed (in the order it first changed them), then ones it only read, then ones only the final patch shows. */
export function groupFiles(history: RepoHistory): FileGroup[] {
  const firstEdit = (f: FileHistory) => f.states.find((s) => s.isEdit)?.stepIdx ?? Infinity;
  const edited = history.files.filter((f) => f.states.some((s) => s.isEdit)).sort((a, b) => firstEdit(a) - firstEdit(b));
  const viewed = history.files.filter((f) => f.states.length > 0 && !f.states.some((s) => s.isEdit));
  const patchOnly = history.files.filter((f) => f.states.length === 0);
  return [
    { label: "Changed in the episode", files: edited },
    { label: "Only viewed", files: viewed },
    { label: "Only in the final patch", files: patchOnly },
  ].filter((group) => group.files.length > 0);
}

/** Steps at which the file was edited (or an edit was attempted), in order, without repeats. */
export function editSteps(file: FileHistory): number[] {
  return [...new Set(file.states.filter((s) => s.isEdit).map((s) => s.stepIdx))];
}

/**
 * The step of the previous (-1) or next (+1) edit of the file from `step`; `end` (the final
 * patch, one past the last step) counts as the last stop when the patch touches the file.
 */
export function neighbourEdit(file: FileHistory, step: number, direction: -1 | 1, end: number): number | null {
  const stops = [...editSteps(file), ...(file.final ? [end] : [])];
  if (direction === 1) return stops.find((s) => s > step) ?? null;
  return stops.filter((s) => s < step).at(-1) ?? null;
}
