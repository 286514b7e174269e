/**
 * A forgiving reader of unified diffs (git's format and plain `---`/`+++` ones): files with their
 * hunks, added / deleted / renamed / binary files and "\ No newline at end of file". Patches come
 * from trajectories, so it never throws: lines it cannot place are skipped, a truncated hunk keeps
 * what it has, and a whole-patch CRLF transport is undone while a CR inside a file line is kept.
 */

export type HunkLine = { kind: "context" | "add" | "del"; text: string };

export type Hunk = {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  /** What git prints after the second `@@` (often the enclosing function). */
  section: string;
  lines: HunkLine[];
  /** "\ No newline at end of file" followed the last old (or new) line. */
  oldNoNewline: boolean;
  newNoNewline: boolean;
};

export type FileStatus = "added" | "deleted" | "modified" | "renamed" | "copied";

export type PatchFile = {
  /** null when the file is created (`/dev/null`). */
  oldPath: string | null;
  /** null when the file is deleted. */
  newPath: string | null;
  /** The path to show: the new one, or the old one for a deletion. */
  path: string;
  status: FileStatus;
  isBinary: boolean;
  hunks: Hunk[];
  additions: number;
  deletions: number;
};

const hunkHeader = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@ ?(.*)$/;

/** Lines of the patch; a CRLF applied to the whole patch (every header line) is undone. */
function splitPatchLines(text: string): string[] {
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  const headers = lines.filter((line) => line.startsWith("diff --git ") || line.startsWith("@@ ") || line.startsWith("+++ "));
  const transportedAsCrlf = headers.length > 0 && headers.every((line) => line.endsWith("\r"));
  return transportedAsCrlf ? lines.map((line) => (line.endsWith("\r") ? line.slice(0, -1) : line)) : lines;
}

/** Undoes git's C-style quoting of unusual paths (`"a/caf\303\251.txt"`). */
function unquote(path: string): string {
  if (!(path.startsWith('"') && path.endsWith('"') && path.length >= 2)) return path;
  const bytes: number[] = [];
  const body = path.slice(1, -1);
  const escapes: Record<string, number> = { n: 10, t: 9, r: 13, '"': 34, "\\": 92, a: 7, b: 8, f: 12, v: 11 };
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== "\\" || i + 1 >= body.length) {
      bytes.push(...new TextEncoder().encode(c));
      continue;
    }
    const next = body[i + 1];
    const octal = /^[0-7]{3}/.exec(body.slice(i + 1));
    if (octal) {
      bytes.push(parseInt(octal[0], 8));
      i += 3;
    } else {
      bytes.push(escapes[next] ?? next.charCodeAt(0));
      i += 1;
    }
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

/** `--- a/x\t2024-01-01 …` → `a/x`; `/dev/null` → null. */
function markerPath(line: string): string | null {
  let path = line.slice(4);
  if (!path.startsWith('"')) path = path.split("\t")[0];
  path = unquote(path.trim());
  return path === "/dev/null" ? null : path;
}

/** `diff --git a/p b/p` → both paths; the split is ambiguous with spaces, so prefer equal halves. */
function gitHeaderPaths(line: string): { oldPath: string; newPath: string } | null {
  const rest = line.slice("diff --git ".length);
  const quoted = /^("(?:[^"\\]|\\.)*"|\S+) ("(?:[^"\\]|\\.)*"|\S+)$/.exec(rest);
  if (quoted && (quoted[1].startsWith('"') || quoted[2].startsWith('"'))) {
    return { oldPath: unquote(quoted[1]), newPath: unquote(quoted[2]) };
  }
  const half = (rest.length - 1) / 2;
  if (Number.isInteger(half) && rest[half] === " " && rest.slice(2, half) === rest.slice(half + 3)) {
    return { oldPath: rest.slice(0, half), newPath: rest.slice(half + 1) };
  }
  const at = rest.lastIndexOf(" b/");
  if (at > 0) return { oldPath: rest.slice(0, at), newPath: rest.slice(at + 1) };
  return null;
}

function stripPrefix(path: string | null, prefix: "a/" | "b/"): string | null {
  return path !== null && path.startsWith(prefix) ? path.slice(prefix.length) : path;
}

type Draft = {
  oldPath: string | null;
  newPath: string | null;
  isGit: boolean;
  isNew: boolean;
  isDeleted: boolean;
  renamed: boolean;
  copied: boolean;
  isBinary: boolean;
  hunks: Hunk[];
};

function emptyDraft(isGit: boolean): Draft {
  return { oldPath: null, newPath: null, isGit, isNew: false, isDeleted: false, renamed: false, copied: false, isBinary: false, hunks: [] };
}

function finish(draft: Draft): PatchFile | null {
  // git's a/ and b/ prefixes (plain diffs of absolute paths keep theirs).
  const hasPrefixes = draft.isGit || ((draft.oldPath ?? "a/").startsWith("a/") && (draft.newPath ?? "b/").startsWith("b/"));
  const oldPath = draft.isNew ? null : hasPrefixes ? stripPrefix(draft.oldPath, "a/") : draft.oldPath;
  const newPath = draft.isDeleted ? null : hasPrefixes ? stripPrefix(draft.newPath, "b/") : draft.newPath;
  const path = newPath ?? oldPath;
  if (path === null) return null;
  let additions = 0;
  let deletions = 0;
  for (const hunk of draft.hunks)
    for (const line of hunk.lines) {
      if (line.kind === "add") additions++;
      else if (line.kind === "del") deletions++;
    }
  const status: FileStatus =
    oldPath === null ? "added" : newPath === null ? "deleted" : draft.copied ? "copied" : draft.renamed || oldPath !== newPath ? "renamed" : "modified";
  return { oldPath, newPath, path, status, isBinary: draft.isBinary, hunks: draft.hunks, additions, deletions };
}

/** Reads one hunk body starting at `start`; returns it and the index of the first line after it. */
function readHunk(lines: string[], start: number, header: RegExpExecArray): { hunk: Hunk; next: number } {
  const hunk: Hunk = {
    oldStart: Number(header[1]),
    oldLines: header[2] === undefined ? 1 : Number(header[2]),
    newStart: Number(header[3]),
    newLines: header[4] === undefined ? 1 : Number(header[4]),
    section: header[5] ?? "",
    lines: [],
    oldNoNewline: false,
    newNoNewline: false,
  };
  let oldLeft = hunk.oldLines;
  let newLeft = hunk.newLines;
  let i = start;
  let last: HunkLine["kind"] | null = null;
  while (i < lines.length) {
    const line = lines[i];
    if (line.startsWith("\\")) {
      // "\ No newline at end of file" belongs to the line just read.
      if (last === "del" || last === "context") hunk.oldNoNewline = true;
      if (last === "add" || last === "context") hunk.newNoNewline = true;
      i++;
      continue;
    }
    if (oldLeft <= 0 && newLeft <= 0) break;
    const marker = line[0];
    if (marker === " " || (line === "" && oldLeft > 0 && newLeft > 0)) {
      // An empty line inside a hunk is a context line whose space an editor stripped.
      hunk.lines.push({ kind: "context", text: line.slice(1) });
      oldLeft--;
      newLeft--;
      last = "context";
    } else if (marker === "-" && oldLeft > 0) {
      hunk.lines.push({ kind: "del", text: line.slice(1) });
      oldLeft--;
      last = "del";
    } else if (marker === "+" && newLeft > 0) {
      hunk.lines.push({ kind: "add", text: line.slice(1) });
      newLeft--;
      last = "add";
    } else break; // truncated or malformed: keep what was read
    i++;
  }
  return { hunk, next: i };
}

/** Every file of a unified diff, in order. Never throws; garbage yields no files. */
export function parseUnifiedDiff(text: string | null | undefined): PatchFile[] {
  if (!text) return [];
  const lines = splitPatchLines(text);
  const files: PatchFile[] = [];
  let draft: Draft | null = null;
  const flush = () => {
    const file = draft && finish(draft);
    if (file) files.push(file);
    draft = null;
  };

  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (line.startsWith("diff --git ")) {
      flush();
      draft = emptyDraft(true);
      const paths = gitHeaderPaths(line);
      if (paths) Object.assign(draft, paths);
      i++;
      continue;
    }
    if (line.startsWith("--- ") && lines[i + 1]?.startsWith("+++ ") && hunkHeader.test(lines[i + 2] ?? "")) {
      // A plain diff starts a new file at its markers; a git one already did at `diff --git`.
      const current = draft as Draft | null;
      if (!current || current.hunks.length > 0 || !current.isGit) {
        flush();
        draft = emptyDraft(false);
      }
      const target = draft as unknown as Draft;
      const oldPath = markerPath(line);
      const newPath = markerPath(lines[i + 1]);
      if (oldPath === null) target.isNew = true;
      else target.oldPath = oldPath;
      if (newPath === null) target.isDeleted = true;
      else target.newPath = newPath;
      i += 2;
      continue;
    }
    if (!draft) {
      i++; // preamble (commit message, garbage) before the first file
      continue;
    }
    const current: Draft = draft;
    const header = line.startsWith("@@") ? hunkHeader.exec(line) : null;
    if (header) {
      const { hunk, next } = readHunk(lines, i + 1, header);
      current.hunks.push(hunk);
      i = next;
      continue;
    }
    if (line.startsWith("new file mode")) current.isNew = true;
    else if (line.startsWith("deleted file mode")) current.isDeleted = true;
    else if (line.startsWith("rename from ")) [current.renamed, current.oldPath] = [true, `a/${unquote(line.slice(12))}`];
    else if (line.startsWith("rename to ")) [current.renamed, current.newPath] = [true, `b/${unquote(line.slice(10))}`];
    else if (line.startsWith("copy from ")) [current.copied, current.oldPath] = [true, `a/${unquote(line.slice(10))}`];
    else if (line.startsWith("copy to ")) [current.copied, current.newPath] = [true, `b/${unquote(line.slice(8))}`];
    else if (line.startsWith("Binary files ") || line.startsWith("GIT binary patch")) current.isBinary = true;
    i++;
  }
  flush();
  return files;
}

/** The text of a hunk's old (or new) side. */
export function hunkSide(hunk: Hunk, side: "old" | "new"): string[] {
  const skip = side === "old" ? "add" : "del";
  return hunk.lines.filter((line) => line.kind !== skip).map((line) => line.text);
}
