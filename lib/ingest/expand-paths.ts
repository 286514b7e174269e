/** Turns CLI arguments (files, folders, globs) into the list of files to import, sorted. */
import fs from "node:fs";
import path from "node:path";

const importable = /\.(jsonl|json|traj|pred|ndjson)$/i;

function walk(dir: string, out: string[]): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.isFile() && importable.test(entry.name)) out.push(full);
  }
}

/** `*` and `?` within a segment, `**` across segments. */
export function globToRegExp(pattern: string): RegExp {
  let source = "";
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === "*" && pattern[i + 1] === "*") {
      source += pattern[i + 2] === "/" ? "(?:.*/)?" : ".*";
      i += pattern[i + 2] === "/" ? 2 : 1;
    } else if (ch === "*") source += "[^/]*";
    else if (ch === "?") source += "[^/]";
    else source += ch.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${source}$`);
}

export class MissingPathError extends Error {}

export function expandPaths(args: readonly string[]): string[] {
  const files = new Set<string>();
  for (const arg of args) {
    if (/[*?]/.test(arg)) {
      const absolute = path.resolve(arg);
      const base = absolute.slice(0, absolute.search(/[*?]/)).replace(/[^/]*$/, "") || "/";
      const matcher = globToRegExp(absolute);
      const found: string[] = [];
      if (fs.existsSync(base)) walk(base, found);
      const matched = found.filter((f) => matcher.test(f));
      if (matched.length === 0) throw new MissingPathError(`${arg}: no files match`);
      matched.forEach((f) => files.add(f));
    } else if (!fs.existsSync(arg)) {
      throw new MissingPathError(`${arg}: no such file or folder`);
    } else if (fs.statSync(arg).isDirectory()) {
      const found: string[] = [];
      walk(path.resolve(arg), found);
      found.forEach((f) => files.add(f));
    } else {
      files.add(path.resolve(arg));
    }
  }
  return [...files].sort();
}
