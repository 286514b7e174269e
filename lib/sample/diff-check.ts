/**
 * A strict reader for the patches this folder generates, used by its tests: it checks every
 * hunk's line counts against its header and applies patches to in-memory files, so a test can
 * prove a diff really turns the "before" files into the "after" files.
 */

export type ParsedHunk = { oldStart: number; oldCount: number; newStart: number; newCount: number; lines: string[] };
export type ParsedFilePatch = {
  oldPath: string | null;
  newPath: string | null;
  renamed: boolean;
  hunks: ParsedHunk[];
};

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/** Parses a `git diff`; throws with a reason on anything malformed, including wrong hunk counts. */
export function parsePatch(diff: string): ParsedFilePatch[] {
  if (diff === "") return [];
  if (!diff.endsWith("\n")) throw new Error("patch does not end with a newline");
  const lines = diff.slice(0, -1).split("\n");
  const files: ParsedFilePatch[] = [];
  let i = 0;
  while (i < lines.length) {
    const header = /^diff --git a\/(.+) b\/(.+)$/.exec(lines[i]);
    if (!header) throw new Error(`line ${i + 1}: expected "diff --git", got ${JSON.stringify(lines[i])}`);
    const file: ParsedFilePatch = { oldPath: header[1], newPath: header[2], renamed: false, hunks: [] };
    i++;
    while (i < lines.length && !lines[i].startsWith("diff --git ") && !lines[i].startsWith("@@")) {
      const line = lines[i];
      if (line.startsWith("new file mode")) file.oldPath = null;
      else if (line.startsWith("deleted file mode")) file.newPath = null;
      else if (line.startsWith("rename from ")) file.renamed = true;
      else if (line === "--- /dev/null" && file.oldPath !== null) throw new Error("--- /dev/null without new file mode");
      else if (!/^(index [0-9a-f]+\.\.[0-9a-f]+( \d+)?|--- .+|\+\+\+ .+|similarity index \d+%|rename to .+)$/.test(line))
        throw new Error(`line ${i + 1}: unexpected header ${JSON.stringify(line)}`);
      i++;
    }
    while (i < lines.length && lines[i].startsWith("@@")) {
      const m = HUNK_HEADER.exec(lines[i]);
      if (!m) throw new Error(`line ${i + 1}: bad hunk header ${JSON.stringify(lines[i])}`);
      const hunk: ParsedHunk = {
        oldStart: Number(m[1]),
        oldCount: m[2] === undefined ? 1 : Number(m[2]),
        newStart: Number(m[3]),
        newCount: m[4] === undefined ? 1 : Number(m[4]),
        lines: [],
      };
      i++;
      let oldSeen = 0;
      let newSeen = 0;
      while (i < lines.length && (oldSeen < hunk.oldCount || newSeen < hunk.newCount || lines[i].startsWith("\\"))) {
        const line = lines[i];
        const kind = line[0];
        if (kind === " ") oldSeen++, newSeen++;
        else if (kind === "-") oldSeen++;
        else if (kind === "+") newSeen++;
        else if (kind !== "\\") throw new Error(`line ${i + 1}: bad hunk line ${JSON.stringify(line)}`);
        hunk.lines.push(line);
        i++;
      }
      if (oldSeen !== hunk.oldCount || newSeen !== hunk.newCount)
        throw new Error(`hunk ${lines[i - hunk.lines.length - 1]} has ${oldSeen}/${newSeen} lines`);
      file.hunks.push(hunk);
    }
    files.push(file);
  }
  return files;
}

function applyHunks(before: string, hunks: ParsedHunk[]): string {
  const source = before === "" ? [] : before.split("\n");
  const hadEol = before === "" || before.endsWith("\n");
  if (hadEol && source.length > 0) source.pop();
  const out: { text: string; noEol: boolean }[] = [];
  const fromSource = (index: number) => ({ text: source[index], noEol: !hadEol && index === source.length - 1 });
  let cursor = 0;
  for (const hunk of hunks) {
    const start = hunk.oldCount === 0 ? hunk.oldStart : hunk.oldStart - 1;
    if (start < cursor) throw new Error("overlapping hunks");
    for (; cursor < start; cursor++) out.push(fromSource(cursor));
    hunk.lines.forEach((line, index) => {
      const noEol = hunk.lines[index + 1]?.startsWith("\\") ?? false;
      const text = line.slice(1);
      if (line[0] === " " || line[0] === "-") {
        if (source[cursor] !== text) throw new Error(`context mismatch at old line ${cursor + 1}: ${JSON.stringify(text)}`);
        cursor++;
      }
      if (line[0] === " " || line[0] === "+") out.push({ text, noEol });
    });
  }
  for (; cursor < source.length; cursor++) out.push(fromSource(cursor));
  if (out.length === 0) return "";
  return out.map((line) => line.text).join("\n") + (out[out.length - 1].noEol ? "" : "\n");
}

/** Applies a patch to a path -> content map and returns the new map. */
export function applyPatch(files: ReadonlyMap<string, string>, diff: string): Map<string, string> {
  const result = new Map(files);
  for (const file of parsePatch(diff)) {
    const before = file.oldPath === null ? "" : result.get(file.oldPath);
    if (before === undefined) throw new Error(`patch edits missing file ${file.oldPath}`);
    const after = applyHunks(before, file.hunks);
    if (file.oldPath !== null) result.delete(file.oldPath);
    if (file.newPath !== null) result.set(file.newPath, after);
  }
  return result;
}
