/**
 * Source files for TypeScript, Go and Rust pull-request samples: the buggy function among
 * correct neighbours, with the imports the language insists on (Go rejects unused ones), and
 * the regression test in each ecosystem's usual place.
 */
import { applyFixes, type BugSpec, type BugTemplate, type Language } from "./bug-template";
import { goBugs } from "./go-bugs";
import { rustBugs } from "./rust-bugs";
import { typescriptBugs } from "./typescript-bugs";
import type { Rng } from "./random";

export type SourceFile = { content: string; lines: string[]; fnStart: number };

const catalogs: Record<Exclude<Language, "python">, readonly BugTemplate[]> = {
  typescript: typescriptBugs,
  go: goBugs,
  rust: rustBugs,
};

export function templatesFor(language: Exclude<Language, "python">): readonly BugTemplate[] {
  return catalogs[language];
}

function goPackage(path: string): string {
  const parts = path.split("/");
  return parts.length > 1 ? parts[parts.length - 2].replace(/[^a-z]/g, "") : "main";
}

export function buildSourceFile(rng: Rng, language: Exclude<Language, "python">, path: string, template: BugTemplate, spec: BugSpec): SourceFile {
  const fillers = rng.sample(catalogs[language].filter((t) => t !== template), rng.int(1, 3)).map((t) => {
    const filler = t.build(rng.pick(t.names));
    return { spec: filler, lines: applyFixes(filler.lines, filler.fixes) };
  });
  const blocks = rng.shuffle([{ spec, lines: spec.lines, target: true }, ...fillers.map((f) => ({ ...f, target: false }))]);
  const lines: string[] = [];
  if (language === "go") {
    lines.push(`package ${goPackage(path)}`);
    const imports = [...new Set(blocks.flatMap((b) => b.spec.imports))].sort();
    if (imports.length === 1) lines.push("", `import "${imports[0]}"`);
    else if (imports.length > 1) lines.push("", "import (", ...imports.map((i) => `\t"${i}"`), ")");
  } else if (language === "rust") {
    lines.push(`//! ${rng.pick(["Small text and number helpers.", "Utility functions shared by the command-line tools.", "Helpers that do not fit anywhere else."])}`);
  } else {
    lines.push(`// ${rng.pick(["Small helpers shared across the codebase.", "Pure utility functions; no side effects.", "Helpers used by the client and the CLI."])}`);
  }
  let fnStart = -1;
  for (const block of blocks) {
    lines.push("");
    if (block.target) fnStart = lines.length;
    lines.push(...block.lines);
  }
  return { content: lines.join("\n") + "\n", lines, fnStart };
}

const indent = (lines: readonly string[], by: string) => lines.map((line) => (line ? by + line : line));

/** A new test file for the regression test (TypeScript and Go keep tests in separate files). */
export function newTestFile(language: "typescript" | "go", path: string, name: string, spec: BugSpec): { path: string; content: string } {
  if (language === "typescript") {
    const stem = path.split("/").pop()!.replace(/\.ts$/, "");
    const lines = ['import { describe, expect, it } from "vitest";', `import { ${name} } from "./${stem}";`, "", `describe("${name}", () => {`, ...indent(spec.test, "  "), "});"];
    return { path: path.replace(/\.ts$/, ".test.ts"), content: lines.join("\n") + "\n" };
  }
  const body = spec.test.join("\n");
  const imports = [body.includes("errors.") && "errors", body.includes("fs.") && "io/fs", "testing"].filter((i): i is string => Boolean(i));
  const header = imports.length === 1 ? [`import "${imports[0]}"`] : ["import (", ...imports.map((i) => `\t"${i}"`), ")"];
  const lines = [`package ${goPackage(path)}`, "", ...header, "", ...spec.test];
  return { path: path.replace(/\.go$/, "_test.go"), content: lines.join("\n") + "\n" };
}

/** Rust keeps unit tests in the same file: the block appended to it. */
export function rustTestModule(spec: BugSpec): string[] {
  return ["", "#[cfg(test)]", "mod tests {", "    use super::*;", "", ...indent(spec.test, "    "), "}"];
}
