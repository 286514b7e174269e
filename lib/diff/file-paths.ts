/**
 * One file, several spellings: editor tools use absolute paths (`/testbed/pkg/a.py`), shell
 * commands and the final patch relative ones (`pkg/a.py`). A relative path names the same file as
 * an absolute one that ends with it, when exactly one known file does.
 */
import { normalizePath } from "./shell-edits";

export type PathEntry = { path: string; aliases: string[] };

export function sameFile(known: string, candidate: string): boolean {
  if (known === candidate) return true;
  const [absolute, relative] = known.startsWith("/") ? [known, candidate] : [candidate, known];
  return absolute.startsWith("/") && !relative.startsWith("/") && absolute.endsWith(`/${relative}`);
}

export function pathIndex<T extends PathEntry>(create: (path: string) => T) {
  const entries: T[] = [];

  /** The entry for `path`; with `add`, a new one when no known file matches. */
  function find(raw: string, add: boolean): T | null {
    const path = normalizePath(raw);
    const exact = entries.find((e) => e.path === path || e.aliases.includes(path));
    if (exact) return exact;
    const matches = entries.filter((e) => [e.path, ...e.aliases].some((known) => sameFile(known, path)));
    if (matches.length === 1) {
      const [entry] = matches;
      // Prefer the absolute spelling: it is what the agent's editor showed.
      if (path.startsWith("/") && !entry.path.startsWith("/")) [entry.path, entry.aliases] = [path, [...entry.aliases, entry.path]];
      else entry.aliases.push(path);
      return entry;
    }
    if (!add) return null;
    const entry = create(path);
    entries.push(entry);
    return entry;
  }

  return { find, entries };
}
