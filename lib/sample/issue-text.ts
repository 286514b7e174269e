/**
 * Bug reports in the styles real trackers produce: GitHub issue forms with headed sections,
 * Trac-style prose (Django), and terse REPL pastes. The traceback shown points into an installed
 * copy of the package, as a user's would.
 */
import type { BugSpec } from "./bug-template";
import type { PythonProject } from "./python-module";
import { errorLine, failureFrames, reproScript } from "./python-repro";
import type { Rng } from "./random";
import type { Repo } from "./repos";
import { traceback } from "./shell-output";

export type IssueText = { title: string; body: string };

const OSES = ["Ubuntu 22.04", "macOS 14.4", "Windows 11", "Debian 12", "Fedora 39"];

function version(rng: Rng): string {
  return `${rng.int(1, 5)}.${rng.int(0, 12)}.${rng.int(0, 9)}`;
}

export function pythonIssue(rng: Rng, repo: Repo, project: PythonProject): IssueText {
  const { spec } = project;
  const script = reproScript(project);
  const site = `/home/${rng.pick(["dev", "alex", "runner", "mk"])}/.venv/lib/python${repo.pythonVersion}/site-packages/`;
  const failure = spec.failure;
  const tb =
    failure?.kind === "raise"
      ? traceback(
          failureFrames(project, "<stdin>", site, script).map((f, i) => (i === 0 ? { ...f, line: 1, code: "" } : f)),
          errorLine(project),
          failure.recursive ? 993 : 0,
        )
      : `result: ${failure?.kind === "wrong" ? failure.got : "?"}`;
  const snippet = script.lines.filter((line) => !line.startsWith("assert ")).join("\n");
  const expected = `${failure?.kind === "wrong" ? failure.expected : spec.fixedResult}`;
  const style = repo.name === "django/django" ? "trac" : rng.weighted([["form", 5], ["terse", 3], ["trac", 1]] as const);

  if (style === "trac") {
    const body = [
      spec.description.replace(/`/g, ""),
      "",
      `Reproduced on ${rng.pick(["main", "stable/5.0.x", "the latest release"])}:`,
      snippet,
      "",
      tb,
      "",
      `I'd expect ${expected} here.${rng.chance(0.4) ? " Happy to prepare a patch if this is accepted." : ""}`,
    ];
    return { title: spec.title.replace(/`/g, ""), body: body.join("\n") };
  }
  if (style === "terse") {
    const repl = snippet.split("\n").filter(Boolean).map((line) => (/^\s/.test(line) ? `... ${line}` : `>>> ${line}`)).join("\n");
    return { title: spec.title, body: `${spec.description}\n\n\`\`\`python\n${repl}\n${tb}\n\`\`\`\n` };
  }
  const body = [
    "### Describe the bug",
    "",
    spec.description,
    "",
    "### Steps to reproduce",
    "",
    "```python",
    snippet,
    "```",
    "",
    "### Actual behavior",
    "",
    "```",
    tb,
    "```",
    "",
    "### Expected behavior",
    "",
    `The call should return \`${expected}\`.`,
    "",
    "### Environment",
    "",
    `- OS: ${rng.pick(OSES)}`,
    `- Python: ${repo.pythonVersion}.${rng.int(1, 14)}`,
    `- ${repo.name.split("/")[1]}: ${version(rng)}`,
  ];
  return { title: spec.title, body: body.join("\n") + "\n" };
}

/** A shorter report for non-Python repositories (pull-request samples). */
export function plainIssue(rng: Rng, spec: BugSpec): IssueText {
  const intro = rng.pick(["Hi! ", "", "Found while upgrading. ", "Reported by a user on Discord. "]);
  const body = [
    `${intro}${spec.description}`,
    "",
    rng.pick([
      "A test case for this would be something like:",
      "Minimal example:",
      "This should pass but does not:",
    ]),
    "",
    "```",
    ...spec.test,
    "```",
  ];
  return { title: spec.title, body: body.join("\n") + "\n" };
}
