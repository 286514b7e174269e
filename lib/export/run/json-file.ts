/** JSON files an interrupted run must never leave half-written: written beside, then renamed. */
import fs from "node:fs/promises";
import type { z } from "zod";

export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const temporary = `${file}.tmp`;
  await fs.writeFile(temporary, text, { flush: true });
  await fs.rename(temporary, file);
}

export function writeJsonAtomic(file: string, value: unknown): Promise<void> {
  return writeFileAtomic(file, `${JSON.stringify(value, null, 2)}\n`);
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
