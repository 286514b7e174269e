/**
 * A file edit that no tool call of its step made (atelier-pr edit steps) is rendered as the
 * editor call that would make it, in the `str_replace_editor` convention most SWE agents share
 * (`command`, `path`, `file_text`, `old_str`, `new_str`, `insert_line`), so lib/formats/edits.ts
 * reads create / str_replace / insert back as the same edit. Operations that editor lacks keep the
 * convention: `delete`, `rename` (+ `new_path`), `write` (+ `file_text`), `patch` (+ `diff`, and
 * `before` / `after` when the source recorded whole files). Absent fields stay absent.
 */
import type { FileEditPart } from "@/lib/formats/episode";

export const EDIT_TOOL_NAME = "str_replace_editor";

export function editCallArguments(edit: FileEditPart): Record<string, unknown> {
  const args: Record<string, unknown> = { command: edit.operation, path: edit.path };
  switch (edit.operation) {
    case "create":
    case "write":
      args.file_text = edit.newText ?? "";
      break;
    case "str_replace":
      args.old_str = edit.oldText ?? "";
      args.new_str = edit.newText ?? "";
      break;
    case "insert":
      if (edit.insertLine !== undefined) args.insert_line = edit.insertLine;
      args.new_str = edit.newText ?? "";
      break;
    case "rename":
      if (edit.newPath !== undefined) args.new_path = edit.newPath;
      break;
    case "delete":
    case "patch":
      break;
  }
  // Whatever else the part carries goes along, so no edit text is lost.
  if (edit.oldText !== undefined && args.old_str === undefined) args.old_str = edit.oldText;
  if (edit.newText !== undefined && args.new_str === undefined && args.file_text === undefined) args.new_str = edit.newText;
  if (edit.newPath !== undefined) args.new_path = edit.newPath;
  if (edit.insertLine !== undefined) args.insert_line = edit.insertLine;
  if (edit.diff !== undefined) args.diff = edit.diff;
  if (edit.before !== undefined) args.before = edit.before;
  if (edit.after !== undefined) args.after = edit.after;
  return args;
}
