/**
 * A pull request's files through its edits: each edit's file before and after it, replayed from
 * the files as they were before the PR. An edit that does not fit (its old text is missing, its
 * file unknown) leaves that file unknown from there on, and the view falls back to the edit's
 * own old and new text.
 */
import type { FileEditPart } from "@/lib/formats/episode";

/** A file's content; `null` when it does not exist (deleted, renamed away, not yet created). */
type Content = string | null;

export type ReplayedEdit = {
  part: FileEditPart;
  /** The whole file before and after the edit; `undefined` when the replay cannot tell. */
  before: Content | undefined;
  after: Content | undefined;
};

export type Replay = { edits: ReplayedEdit[]; files: Map<string, Content> };

function insertAfterLine(content: string, line: number, text: string): string | undefined {
  const lines = content.endsWith("\n") ? content.slice(0, -1).split("\n") : content === "" ? [] : content.split("\n");
  if (line < 0 || line > lines.length) return undefined;
  lines.splice(line, 0, ...text.split("\n"));
  return lines.join("\n") + "\n";
}

function replaceOnce(content: string, oldText: string, newText: string): string | undefined {
  const at = content.indexOf(oldText);
  if (at < 0 || oldText === "") return undefined;
  return content.slice(0, at) + newText + content.slice(at + oldText.length);
}

function afterEdit(part: FileEditPart, before: Content | undefined): Content | undefined {
  switch (part.operation) {
    case "create":
    case "write":
      return part.newText ?? part.after;
    case "delete":
      return null;
    case "rename":
      return before;
    case "str_replace":
      return typeof before === "string" ? replaceOnce(before, part.oldText ?? "", part.newText ?? "") : undefined;
    case "insert":
      return typeof before === "string" && part.insertLine !== undefined ? insertAfterLine(before, part.insertLine, part.newText ?? "") : undefined;
    case "patch":
      return part.after;
  }
}

export function replayEdits(initial: readonly { path: string; content: string }[], parts: readonly FileEditPart[]): Replay {
  const files = new Map<string, Content>(initial.map((file) => [file.path, file.content]));
  const set = (path: string, content: Content | undefined) => (content === undefined ? files.delete(path) : files.set(path, content));
  const edits = parts.map((part): ReplayedEdit => {
    const known = files.get(part.path);
    // A file the pull request creates did not exist before, unless the replay knows otherwise.
    const before = part.operation === "create" && known === undefined ? null : known;
    const after = afterEdit(part, before);
    if (part.operation === "rename" && part.newPath) {
      set(part.newPath, after);
      files.set(part.path, null);
    } else set(part.path, after);
    return { part, before: part.before ?? before, after };
  });
  return { edits, files };
}

export type Region = { original: string; modified: string; firstLine: number };

/** The lines that differ between two versions of a file, with `context` unchanged lines around them. */
export function changedRegion(before: string, after: string, context = 3): Region {
  const a = before.split("\n");
  const b = after.split("\n");
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  const start = Math.max(0, prefix - context);
  return {
    original: a.slice(start, Math.min(a.length, a.length - suffix + context)).join("\n"),
    modified: b.slice(start, Math.min(b.length, b.length - suffix + context)).join("\n"),
    firstLine: start + 1,
  };
}
