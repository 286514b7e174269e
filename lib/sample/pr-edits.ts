/**
 * The edit operations of an `atelier-pr-v1` sample and how they apply to a set of files.
 * `insert.line` follows editor-tool semantics: the text goes after that many lines (0 = top).
 */

export type PrEdit =
  | { op: "str_replace"; path: string; old: string; new: string }
  | { op: "insert"; path: string; line: number; text: string }
  | { op: "create"; path: string; content: string }
  | { op: "delete"; path: string }
  | { op: "rename"; path: string; new_path: string };

export type FileSet = Map<string, string>;

function occurrences(haystack: string, needle: string): number {
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) count++;
  return count;
}

/** Applies one edit in place; throws when the edit does not fit the files (so generators fail loudly). */
export function applyPrEdit(files: FileSet, edit: PrEdit): void {
  const current = files.get(edit.path);
  switch (edit.op) {
    case "create":
      if (current !== undefined) throw new Error(`create: ${edit.path} exists`);
      files.set(edit.path, edit.content);
      return;
    case "delete":
      if (current === undefined) throw new Error(`delete: ${edit.path} missing`);
      files.delete(edit.path);
      return;
    case "rename":
      if (current === undefined || files.has(edit.new_path)) throw new Error(`rename: ${edit.path} -> ${edit.new_path}`);
      files.delete(edit.path);
      files.set(edit.new_path, current);
      return;
    case "str_replace": {
      if (current === undefined) throw new Error(`str_replace: ${edit.path} missing`);
      if (occurrences(current, edit.old) !== 1) throw new Error(`str_replace: old text not unique in ${edit.path}`);
      const at = current.indexOf(edit.old);
      files.set(edit.path, current.slice(0, at) + edit.new + current.slice(at + edit.old.length));
      return;
    }
    case "insert": {
      if (current === undefined) throw new Error(`insert: ${edit.path} missing`);
      const lines = current.endsWith("\n") ? current.slice(0, -1).split("\n") : current.split("\n");
      if (edit.line < 0 || edit.line > lines.length) throw new Error(`insert: line ${edit.line} out of range`);
      lines.splice(edit.line, 0, ...edit.text.split("\n"));
      files.set(edit.path, lines.join("\n") + "\n");
      return;
    }
  }
}
