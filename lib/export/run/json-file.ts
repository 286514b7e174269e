/** JSON files an interrupted run must never leave half-written: written beside, then renamed. */
import fs from "node:fs/promises";
import type { z } from "zod";

export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const temporary = `${file}.tmp`;
  await fs.writeFile(temporary, text, { flush: true });
  await fs.rename(temporary, file);
}

/** Internal state is compact (a plan of a million entries stays a few MB); files people read are indented. */
export function writeJsonAtomic(file: string, value: unknown, style: "compact" | "readable"): Promise<void> {
  return writeFileAtomic(file, `${style === "compact" ? JSON.stringify(value) : readableJson(value)}\n`);
}

/**
 * Indented JSON with arrays of numbers on one line, so a shard's entries ([episode, component,
 * copy]) take a line each rather than five. Only structural brackets are touched: a newline
 * inside a JSON string is always escaped.
 */
export function readableJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/\[\n\s+(-?[\d.eE+-]+(?:,\n\s+-?[\d.eE+-]+)*)\n\s*\]/g, (_, items: string) => `[${items.split(/,\n\s+/).join(", ")}]`);
}

/** The parsed file, or null when it does not exist. */
export async function readJsonFile<S extends z.ZodType>(file: string, schema: S): Promise<z.output<S> | null> {
  let text: string;
  try {
    text = await fs.readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  return schema.parse(JSON.parse(text));
}
