/**
 * File edits hidden inside tool calls. Agents edit files through editor tools
 * (`str_replace_editor`, `str_replace_based_edit_tool`, OpenHands `edit`); this turns such a call
 * into a typed `file_edit` part so the viewer can diff it and the scrubber can replay it.
 */
import type { FileEditPart } from "./episode";

const editorTools = new Set([
  "str_replace_editor",
  "str_replace_based_edit_tool",
  "edit_file",
  "file_editor",
  "edit",
]);

function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

function int(value: unknown): number | undefined {
  const n = typeof value === "string" ? Number(value) : value;
  return typeof n === "number" && Number.isInteger(n) ? n : undefined;
}

/** The edit a tool call performs, or null when it only reads (e.g. `view`) or is not an editor. */
export function editFromToolCall(toolName: string, args: Record<string, unknown>): FileEditPart | null {
  if (!editorTools.has(toolName)) return null;
  const path = str(args.path);
  if (!path) return null;
  const command = str(args.command) ?? (args.file_text !== undefined ? "create" : undefined);
  switch (command) {
    case "create":
      return { type: "file_edit", path, operation: "create", newText: str(args.file_text) ?? "" };
    case "str_replace":
      return {
        type: "file_edit",
        path,
        operation: "str_replace",
        oldText: str(args.old_str) ?? "",
        newText: str(args.new_str) ?? "",
      };
    case "insert":
      return {
        type: "file_edit",
        path,
        operation: "insert",
        insertLine: int(args.insert_line),
        newText: str(args.new_str) ?? "",
      };
    default:
      return null;
  }
}
