/**
 * A pull-request-derived sample in Atelier's `atelier-pr-v1` format: repository metadata and
 * licence, linked issue, PR, snapshots of the touched files, edit operations, and commits whose
 * diffs are exactly those edits. Edits are replayed on the snapshots as they are generated, so
 * every `str_replace` matches once and every diff applies.
 */
import { strReplaceFor, type BugSpec, type Language } from "./bug-template";
import { plainIssue, pythonIssue, type IssueText } from "./issue-text";
import { applyPrEdit, type FileSet, type PrEdit } from "./pr-edits";
import { chores, commitStyle, languageOf } from "./pr-text";
import { buildPythonProject } from "./python-module";
import type { Rng } from "./random";
import { instancePrefix, pullRequestRepos, type Repo } from "./repos";
import { buildSourceFile, newTestFile, rustTestModule, templatesFor } from "./source-file";
import { gitDiff, type FileChange } from "./unified-diff";

export type PrSample = {
  format: "atelier-pr-v1";
  id: string;
  repo: { name: string; url: string; license: string | null; language: string; description: string; stars: number };
  base_commit: string;
  issue: { number: number; title: string; body: string } | null;
  pull_request: { number: number; title: string; body: string; url: string; merged_at: string };
  files: { path: string; content: string; language: string | null }[];
  edits: PrEdit[];
  commits: { sha: string; message: string; diff: string }[];
  summary: string | null;
};

type Target = { path: string; content: string; fnStart: number; name: string; spec: BugSpec; issue: (rng: Rng) => IssueText; testFile?: { path: string; content: string } };

function target(rng: Rng, repo: Repo): Target {
  if (repo.language === "python") {
    const p = buildPythonProject(rng, repo);
    return { path: p.modulePath, content: p.before, fnStart: p.fnStart, name: p.fn, spec: p.spec, issue: (r) => pythonIssue(r, repo, p), testFile: { path: p.testPath, content: p.testBefore } };
  }
  const template = rng.pick(templatesFor(repo.language));
  const name = rng.pick(template.names);
  const spec = template.build(name);
  const path = rng.pick(repo.modules);
  const file = buildSourceFile(rng, repo.language, path, template, spec);
  return { path, content: file.content, fnStart: file.fnStart, name, spec, issue: (r) => plainIssue(r, spec) };
}

const lines = (content: string) => content.slice(0, -1).split("\n");

const DISPLAY_LANGUAGE: Record<Language, string> = { python: "Python", typescript: "TypeScript", go: "Go", rust: "Rust" };

/** The regression test's name (or, for Vitest, its description). */
function testLabel(spec: BugSpec): string {
  for (const line of spec.test) {
    const m = /^(?:def|fn|func) (\w+)|^it\("([^"]+)"/.exec(line);
    if (m) return m[1] ?? m[2];
  }
  return spec.test[0];
}

function fixEdits(rng: Rng, t: Target, files: FileSet): PrEdit[] {
  let offset = 0;
  return t.spec.fixes.map((fix) => {
    const start = t.fnStart + fix.start + offset;
    const end = t.fnStart + fix.end + offset;
    offset += fix.replacement.length - (fix.end - fix.start);
    const current = lines(files.get(t.path)!);
    const edit: PrEdit =
      fix.start === fix.end && rng.chance(0.5)
        ? { op: "insert", path: t.path, line: start, text: fix.replacement.join("\n") }
        : { op: "str_replace", path: t.path, ...strReplaceFor(current, start, end, fix.replacement) };
    applyPrEdit(files, edit);
    return edit;
  });
}

function testEdits(rng: Rng, repo: Repo, t: Target, files: FileSet): PrEdit[] {
  let edit: PrEdit;
  if (repo.language === "rust") {
    edit = { op: "insert", path: t.path, line: lines(files.get(t.path)!).length, text: rustTestModule(t.spec).join("\n") };
  } else if (t.testFile) {
    const current = lines(files.get(t.testFile.path)!);
    const addition = ["", "", ...t.spec.test];
    edit = rng.chance(0.5)
      ? { op: "insert", path: t.testFile.path, line: current.length, text: addition.join("\n") }
      : { op: "str_replace", path: t.testFile.path, ...strReplaceFor(current, current.length, current.length, addition) };
  } else {
    const created = newTestFile(repo.language as "typescript" | "go", t.path, t.name, t.spec);
    edit = { op: "create", path: created.path, content: created.content };
  }
  applyPrEdit(files, edit);
  return [edit];
}

function isoDate(rng: Rng): string {
  const start = Date.UTC(2019, 0, 1) / 1000;
  return new Date((start + rng.int(0, 6.5 * 365 * 86400)) * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** The diff of a group of edits, given the files before and after it. */
function commitDiff(before: FileSet, after: FileSet, edits: PrEdit[]): string {
  const changes: FileChange[] = [];
  const seen = new Set<string>();
  for (const edit of edits) {
    if (edit.op === "rename") {
      changes.push({ path: edit.path, newPath: edit.new_path, before: before.get(edit.path)!, after: after.get(edit.new_path)! });
    } else if (!seen.has(edit.path)) {
      seen.add(edit.path);
      changes.push({ path: edit.path, before: before.get(edit.path) ?? null, after: after.get(edit.path) ?? null });
    }
  }
  return gitDiff(changes.sort((a, b) => a.path.localeCompare(b.path)));
}

export function generatePrSample(rng: Rng, options: { repo?: Repo } = {}): PrSample {
  const repo = options.repo ?? rng.pick(pullRequestRepos);
  const t = target(rng, repo);
  const issueNumber = rng.int(12, 6000);
  const prNumber = issueNumber + rng.int(1, 400);
  const hasIssue = rng.chance(0.75);
  const style = commitStyle(repo);

  const snapshot: FileSet = new Map([[t.path, t.content]]);
  if (t.testFile) snapshot.set(t.testFile.path, t.testFile.content);
  const chore = rng.chance(0.4) ? chores(rng, repo, t.path, prNumber, t.spec.title) : null;
  for (const file of chore?.files ?? []) snapshot.set(file.path, file.content);

  const files: FileSet = new Map(snapshot);
  type Group = { message: string; before: FileSet; after: FileSet; edits: PrEdit[] };
  const groups: Group[] = [];
  const run = (message: string, make: () => PrEdit[]) => {
    const before = new Map(files);
    const edits = make();
    groups.push({ message, before, after: new Map(files), edits });
  };
  run(style.fix(t.spec.title, hasIssue ? issueNumber : null), () => fixEdits(rng, t, files));
  run(style.test(t.name), () => testEdits(rng, repo, t, files));
  if (chore) run(chore.message, () => chore.edits.map((edit) => (applyPrEdit(files, edit), edit)));
  // Squash-merged PRs keep one commit whose message lists the original ones.
  const commitGroups: Group[] = rng.chance(0.35)
    ? [{ message: groups.map((g) => g.message.split("\n")[0]).join("\n\n* "), before: snapshot, after: files, edits: groups.flatMap((g) => g.edits) }]
    : groups;
  const commits = commitGroups.map((g) => ({ sha: rng.hex(40), message: g.message, diff: commitDiff(g.before, g.after, g.edits) }));

  const issue = hasIssue ? t.issue(rng) : null;
  const testName = testLabel(t.spec);
  const body = [
    hasIssue ? `${rng.pick(["Fixes", "Closes", "Resolves"])} #${issueNumber}.` : t.spec.description,
    "",
    `This changes \`${t.name}\` in \`${t.path}\`.`,
    "",
    "### Changes",
    ...groups.map((g) => `- ${g.message.split("\n")[0]}`),
    "",
    "### Testing",
    `- Added \`${testName}\``,
  ].join("\n");
  return {
    format: "atelier-pr-v1",
    id: `${instancePrefix(repo.name)}-${prNumber}`,
    repo: { name: repo.name, url: `https://github.com/${repo.name}`, license: repo.license, language: DISPLAY_LANGUAGE[repo.language], description: repo.description, stars: repo.stars },
    base_commit: rng.hex(40),
    issue: issue ? { number: issueNumber, title: issue.title, body: issue.body } : null,
    pull_request: { number: prNumber, title: style.title(t.spec.title), body, url: `https://github.com/${repo.name}/pull/${prNumber}`, merged_at: isoDate(rng) },
    files: [...snapshot].map(([path, content]) => ({ path, content, language: languageOf(path) })),
    edits: groups.flatMap((g) => g.edits),
    commits,
    summary: rng.chance(0.8) ? `${t.spec.title.replace(/`/g, "")}: fixed in ${t.path} and covered by a new regression test.` : null,
  };
}
