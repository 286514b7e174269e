/**
 * The part of a file one edit step shows by itself, before anything is reconstructed: the
 * replaced text, the inserted lines, the written file, or the regions of a recorded diff.
 */
import type { FileEditPart } from "@/lib/formats/episode";
import { fileRegions } from "./regions";
import { parseUnifiedDiff } from "./unified";

export type EditRegion = { original: string; modified: string; caption: string } | { original: null; message: string };

export function editRegion(part: FileEditPart): EditRegion {
  switch (part.operation) {
    case "str_replace":
      return { original: part.oldText ?? "", modified: part.newText ?? "", caption: "Replaced text (its first occurrence in the file)" };
    case "insert":
      return { original: "", modified: part.newText ?? "", caption: part.insertLine === undefined ? "Inserted lines" : `Lines inserted after line ${part.insertLine}` };
    case "create":
    case "write":
      return { original: part.before ?? "", modified: part.after ?? part.newText ?? "", caption: part.operation === "create" ? "New file" : "File written" };
    case "delete":
      return part.before !== undefined ? { original: part.before, modified: "", caption: "File deleted" } : { original: null, message: "File deleted." };
    case "rename":
      return { original: null, message: `Renamed to ${part.newPath ?? "(no new path recorded)"}.` };
    case "patch": {
      if (part.after !== undefined) return { original: part.before ?? "", modified: part.after, caption: part.before !== undefined ? "Whole file, before and after" : "Whole file after the edit" };
      const files = parseUnifiedDiff(part.diff);
      const file = files.find((f) => f.path === part.path || f.oldPath === part.path) ?? files[0];
      if (!file) return { original: null, message: part.diff ? "The recorded diff could not be read." : "The edit records neither the new content nor a diff." };
      return { ...fileRegions(file), caption: "The regions the tool's diff shows" };
    }
  }
}
