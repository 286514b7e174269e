/**
 * Reading decontamination lists: a list's `entries` plus, when it names a `file`, that file's
 * lines (one instance id or `owner/name` per line; `#` starts a comment; blank lines ignored).
 * Errors name the file and line but never echo the line: on the server the file is not the
 * caller's to read.
 */
import fs from "node:fs";
import path from "node:path";
import { InvalidInputError } from "@/lib/errors";
import type { DecontaminationList } from "../recipe/schema";
import type { ResolvedList } from "./decontaminate";

const MAX_ENTRY_LENGTH = 500;

export function parseListText(text: string, file: string): string[] {
  const entries: string[] = [];
  text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .forEach((raw, index) => {
      const entry = raw.replace(/#.*$/, "").trim();
      if (entry === "") return;
      const reason = /\s/.test(entry)
        ? "it holds more than one word"
        : entry.length > MAX_ENTRY_LENGTH
          ? `it is longer than ${MAX_ENTRY_LENGTH} characters`
          : /[\u0000-\u001f\u007f]/.test(entry)
            ? "it holds control characters (is this a text file?)"
            : null;
      if (reason) throw new InvalidInputError(`${file}:${index + 1}: expected one instance id or owner/name per line, but ${reason}.`);
      entries.push(entry);
    });
  return entries;
}

export function readListFile(file: string): string[] {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InvalidInputError(`Cannot read the decontamination list ${file}${code === "ENOENT" ? ": no such file" : code ? ` (${code})` : ""}.`);
  }
  return parseListText(text, file);
}

/** Each list's entries and file lines together; `read` is replaceable for tests. */
export function resolveDecontaminationLists(lists: readonly DecontaminationList[], read: (file: string) => string[] = readListFile): ResolvedList[] {
  return lists.map((list) => ({ name: list.name, entries: [...(list.entries ?? []), ...(list.file ? read(list.file) : [])] }));
}

/** Where files a recipe names (list files, tokenizer.json) must live when the recipe comes over HTTP. */
export function recipeFilesDir(): string {
  return path.resolve(process.env.ATELIER_RECIPE_FILES_DIR ?? path.join(process.cwd(), ".atelier", "recipe-files"));
}

/**
 * A file a recipe sent over HTTP names, resolved inside ATELIER_RECIPE_FILES_DIR (default
 * ./.atelier/recipe-files; relative names resolve there), so a reviewer cannot make the server read any
 * file it can. The CLI reads paths as given, like any command-line tool.
 */
export function confinedRecipeFile(file: string, what: string): string {
  const root = recipeFilesDir();
  const resolved = path.resolve(root, file);
  if (resolved !== root && !resolved.startsWith(root + path.sep))
    throw new InvalidInputError(`${what} ${file} is outside the recipe files directory (${root}); put the file there or run the export from the CLI.`);
  return resolved;
}

/** The server's list reader (see confinedRecipeFile). */
export function readConfinedListFile(file: string): string[] {
  return readListFile(confinedRecipeFile(file, "Decontamination list"));
}
