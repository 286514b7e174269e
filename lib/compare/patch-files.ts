/**
 * A final patch cut into one section per file, so two attempts' patches can be compared file by
 * file. Sections start at `diff --git` headers, or, for plain unified diffs, at a `--- ` line
 * followed by `+++ `. One pass over the lines; patches can be megabytes.
 */

export type PatchFile = { path: string; text: string };

/** `diff --git a/x b/y` → `y`; split at the last ` b/` because paths may contain spaces. */
function pathFromGitHeader(line: string): string {
  const rest = line.slice("diff --git ".length);
  const at = rest.lastIndexOf(" b/");
  return at >= 0 ? rest.slice(at + 3) : rest.replace(/^a\//, "").split(" ")[0];
}

function pathFromMarker(line: string): string | null {
  const path = line.slice(4).split("\t")[0].trim();
  return path === "/dev/null" ? null : path.replace(/^[ab]\//, "");
}

export function splitPatch(patch: string | null): PatchFile[] {
  if (!patch) return [];
  const lines = patch.split("\n");
  const isGit = lines.some((line) => line.startsWith("diff --git "));
  const starts: { line: number; path: string }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (isGit && line.startsWith("diff --git ")) starts.push({ line: i, path: pathFromGitHeader(line) });
    else if (!isGit && line.startsWith("--- ") && lines[i + 1]?.startsWith("+++ ")) {
      starts.push({ line: i, path: pathFromMarker(lines[i + 1]) ?? pathFromMarker(line) ?? "(unknown)" });
    }
  }
  return starts.map((start, k) => {
    const end = k + 1 < starts.length ? starts[k + 1].line : lines.length;
    const text = lines.slice(start.line, end).join("\n");
    return { path: start.path, text: text.endsWith("\n") || end === lines.length ? text : `${text}\n` };
  });
}

export type PatchFilePair = { path: string; a: string | null; b: string | null };

/**
 * The files of two patches side by side: those both touch first (the interesting comparison),
 * then those only one touches, each group in path order. A file that appears twice in one patch
 * keeps both sections.
 */
export function pairPatchFiles(a: readonly PatchFile[], b: readonly PatchFile[]): PatchFilePair[] {
  const join = (files: readonly PatchFile[]) => {
    const byPath = new Map<string, string>();
    for (const file of files) byPath.set(file.path, byPath.has(file.path) ? `${byPath.get(file.path)}${file.text}` : file.text);
    return byPath;
  };
  const left = join(a);
  const right = join(b);
  const paths = [...new Set([...left.keys(), ...right.keys()])];
  const isShared = (path: string) => left.has(path) && right.has(path);
  paths.sort((x, y) => Number(isShared(y)) - Number(isShared(x)) || x.localeCompare(y));
  return paths.map((path) => ({ path, a: left.get(path) ?? null, b: right.get(path) ?? null }));
}
