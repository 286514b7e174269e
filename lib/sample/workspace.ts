/**
 * The simulated checkout an agent edits. It remembers each file's base version, so the final
 * patch is exactly what `git add -A && git diff --cached` would print for the edits made
 * (scratch scripts and build output included when the agent leaves them behind).
 */
import { gitDiff } from "./unified-diff";

export type Workspace = Map<string, { base: string | null; current: string | null }>;

export function createWorkspace(files: Record<string, string>): Workspace {
  return new Map(Object.entries(files).map(([path, content]) => [path, { base: content, current: content }]));
}

export function readFile(ws: Workspace, path: string): string | null {
  return ws.get(path)?.current ?? null;
}

/** Writes (or with null, deletes) a file. */
export function writeFile(ws: Workspace, path: string, content: string | null): void {
  const entry = ws.get(path);
  if (entry) entry.current = content;
  else ws.set(path, { base: null, current: content });
}

export function changedPaths(ws: Workspace): string[] {
  return [...ws.entries()].filter(([, f]) => f.base !== f.current).map(([path]) => path).sort();
}

/** The staged diff of everything changed, in git's path order. */
export function workspaceDiff(ws: Workspace): string {
  return gitDiff(changedPaths(ws).map((path) => ({ path, before: ws.get(path)!.base, after: ws.get(path)!.current })));
}
