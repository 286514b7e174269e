/**
 * The words and side changes around a pull request: commit-message conventions per ecosystem,
 * and the chores PRs often carry (changelog entries, removed scripts, renamed modules) that
 * exercise the create / insert / delete / rename edit operations.
 */
import type { PrEdit } from "./pr-edits";
import type { Rng } from "./random";
import type { Repo } from "./repos";

const EXTENSIONS: Record<string, string> = {
  py: "python",
  ts: "typescript",
  go: "go",
  rs: "rust",
  md: "markdown",
  rst: "restructuredtext",
  sh: "shell",
};

export function languageOf(path: string): string | null {
  return EXTENSIONS[path.split(".").pop() ?? ""] ?? null;
}

const plain = (title: string) => title.replace(/`/g, "");
const lowerFirst = (text: string) => text[0].toLowerCase() + text.slice(1);

export type CommitStyle = {
  fix(title: string, issue: number | null): string;
  test(name: string): string;
  title(issueTitle: string): string;
};

export function commitStyle(repo: Repo): CommitStyle {
  if (repo.language === "typescript") {
    return {
      fix: (title, issue) => `fix: ${lowerFirst(plain(title))}${issue ? `\n\nCloses #${issue}` : ""}`,
      test: (name) => `test: cover ${name} edge case`,
      title: (title) => `fix: ${lowerFirst(plain(title))}`,
    };
  }
  if (repo.language === "go") {
    const pkg = repo.modules[0].split("/").slice(-2, -1)[0] ?? "all";
    return {
      fix: (title, issue) => `${pkg}: fix ${lowerFirst(plain(title))}${issue ? `\n\nFixes #${issue}` : ""}`,
      test: (name) => `${pkg}: add test for ${name}`,
      title: (title) => `${pkg}: fix ${lowerFirst(plain(title))}`,
    };
  }
  return {
    fix: (title, issue) => `Fix ${lowerFirst(plain(title))}${issue ? `\n\nFixes #${issue}.` : ""}`,
    test: (name) => `Add regression test for ${name}`,
    title: (title) => `Fix ${lowerFirst(plain(title))}`,
  };
}

export type Chore = { message: string; files: { path: string; content: string }[]; edits: PrEdit[] };

const CHANGELOG = (version: string) =>
  `# Changelog\n\nAll notable changes to this project are documented here.\n\n## Unreleased\n\n## ${version}\n\n- Improved error messages for invalid input.\n- Dropped support for end-of-life runtimes.\n`;

const LEGACY: Record<string, string> = {
  python: '"""Deprecated aliases kept for backwards compatibility."""\n\nimport warnings\n\nwarnings.warn("this module is deprecated", DeprecationWarning, stacklevel=2)\n',
  typescript: "// Deprecated re-exports kept for 1.x users.\nexport * from \"./index\";\n",
  go: "package compat\n\n// LegacyMode keeps the 1.x behaviour for old callers.\nconst LegacyMode = true\n",
  rust: "//! Deprecated aliases kept for 0.x users.\n\npub const LEGACY_MODE: bool = true;\n",
};
const EXT: Record<string, string> = { python: "py", typescript: "ts", go: "go", rust: "rs" };

/** One or two side changes for a PR touching `path`. */
export function chores(rng: Rng, repo: Repo, path: string, pr: number, title: string): Chore {
  const dir = path.split("/").slice(0, -1).join("/") || ".";
  const picks = rng.sample(["changelog", "delete", "rename"] as const, rng.int(1, 2));
  const chore: Chore = { message: "", files: [], edits: [] };
  const messages: string[] = [];
  for (const pick of picks) {
    if (pick === "changelog" && repo.language === "python") {
      chore.edits.push({ op: "create", path: `changelog/${pr}.bugfix.rst`, content: `${plain(title)}.\n` });
      messages.push("Add changelog entry");
    } else if (pick === "changelog" && repo.language === "typescript") {
      const slug = [rng.pick(["brave", "quiet", "swift", "tidy"]), rng.pick(["owls", "rivers", "tigers", "clouds"]), rng.pick(["dance", "sing", "jump", "wait"])].join("-");
      chore.edits.push({ op: "create", path: `.changeset/${slug}.md`, content: `---\n"${repo.name.split("/")[1]}": patch\n---\n\n${plain(title)}\n` });
      messages.push("Add changeset");
    } else if (pick === "changelog") {
      const content = CHANGELOG(`${rng.int(0, 3)}.${rng.int(1, 20)}.${rng.int(0, 9)}`);
      chore.files.push({ path: "CHANGELOG.md", content });
      // After "## Unreleased" and its blank line (lines 5 and 6).
      chore.edits.push({ op: "insert", path: "CHANGELOG.md", line: 6, text: `- ${plain(title)} (#${pr}).\n` });
      messages.push("Update CHANGELOG");
    } else if (pick === "delete") {
      const script = "scripts/release_legacy.sh";
      chore.files.push({ path: script, content: `#!/usr/bin/env bash\n# Old release flow; superseded by the CI workflow.\nset -euo pipefail\n\ngit tag "v$1"\ngit push origin "v$1"\n` });
      chore.edits.push({ op: "delete", path: script });
      messages.push("Remove obsolete release script");
    } else {
      const ext = EXT[repo.language];
      const from = `${dir}/legacy.${ext}`;
      chore.files.push({ path: from, content: LEGACY[repo.language] });
      chore.edits.push({ op: "rename", path: from, new_path: `${dir}/compat.${ext}` });
      messages.push("Rename legacy module to compat");
    }
  }
  chore.message = messages.join("\n\n");
  return chore;
}
