/** A recipe as text (the editor, a CLI file) → a checked recipe, with problems a person can act on. Pure. */
import { recipeSchema, type Recipe } from "./schema";

export type RecipeCheck = { recipe: Recipe; problems: [] } | { recipe: null; problems: string[] };

/** JSON.parse reports an offset; people want a line and column. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return `line ${line}, column ${offset - before.lastIndexOf("\n")}`;
}

export function checkRecipeText(text: string): RecipeCheck {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // V8 names the position for most errors; a text that stops early ends where the text does.
    const offset = /position (\d+)/.exec(message)?.[1] ?? (/end of JSON input/.test(message) ? String(text.trimEnd().length) : undefined);
    return { recipe: null, problems: [`Not valid JSON${offset ? ` at ${lineAndColumn(text, Number(offset))}` : ""}: ${message}`] };
  }
  const parsed = recipeSchema.safeParse(json);
  if (parsed.success) return { recipe: parsed.data, problems: [] };
  return { recipe: null, problems: parsed.error.issues.map((issue) => `${issue.path.length ? issue.path.join(".") : "recipe"}: ${issue.message}`) };
}

export function recipeText(recipe: unknown): string {
  return `${JSON.stringify(recipe, null, 2)}\n`;
}
