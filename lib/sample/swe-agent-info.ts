/**
 * SWE-agent's `edited_files30/50/70` info fields: each edited file with 30/50/70 lines of
 * context around the changed region, the way its reviewer shows them.
 */

export type FinalFile = { path: string; before: string | null; after: string | null };

function changedRegion(before: string[], after: string[]): [number, number] {
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  while (tail < before.length - head && tail < after.length - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  return [head, Math.max(head, after.length - tail - 1)];
}

function window(file: FinalFile, context: number): string {
  const after = (file.after ?? "").split("\n");
  const [first, last] = changedRegion((file.before ?? "").split("\n"), after);
  const from = Math.max(0, first - context);
  const to = Math.min(after.length, last + context + 1);
  const out = [`[File: ${file.path}]`];
  if (from > 0) out.push(`[${from} lines above omitted]`);
  for (let i = from; i < to; i++) out.push(`${String(i + 1).padStart(6)}: ${after[i]}`);
  if (to < after.length) out.push(`[${after.length - to} lines below omitted]`);
  return out.join("\n");
}

export function editedFilesContext(files: readonly FinalFile[]): Record<string, string> {
  const edited = files.filter((f) => f.after !== null && f.before !== null);
  if (!edited.length) return {};
  const render = (context: number) => edited.map((f) => window(f, context)).join("\n\n");
  return { edited_files30: render(30), edited_files50: render(50), edited_files70: render(70) };
}
