/**
 * Commands an agent runs while exploring and testing, each with the output it would get in the
 * simulated checkout. Paths are prefixed with `root` ("/testbed/" for tool-calling agents,
 * "" for bash-only agents working in the repository directory).
 */
import type { Instance } from "./instance";
import type { Rng } from "./random";
import { pytestOutput, type TestCase, type TestOutcome } from "./shell-output";
import { changedPaths, type Workspace } from "./workspace";

export type CommandResult = { command: string; output: string; exitCode: number };

const VERBS = ["parse", "format", "load", "resolve", "merge", "validate", "render", "convert", "split", "normalize"];
const NOUNS = ["path", "config", "header", "url", "record", "token", "value", "option", "schema", "field", "node", "unit"];
const PARAMS = ["", "", "", "[utf-8]", "[ascii]", "[None]", "[0]", "[1]", "[True]", "[False]", "[str]", "[bytes]", "[empty]"];

function packageDir(instance: Instance): string {
  return instance.project.modulePath.split("/").slice(0, -1).join("/");
}

export function findModules(instance: Instance, root: string): CommandResult {
  const dir = packageDir(instance);
  const siblings = ["__init__.py", "_compat.py", "encoding.py", "functional.py", "timezone.py", "deprecation.py"];
  const paths = [...new Set([...instance.repo.modules.filter((m) => m.startsWith(dir)), ...siblings.map((s) => `${dir}/${s}`)])].sort();
  return {
    command: `find ${root || "."}${root ? dir : `/${dir}`} -name "*.py" | grep -v __pycache__ | sort`,
    output: paths.map((p) => (root ? `${root}${p}` : `./${p}`)).join("\n"),
    exitCode: 0,
  };
}

export function grepDefinition(instance: Instance, root: string): CommandResult {
  const { project } = instance;
  return {
    command: `grep -n "def ${project.fn}" ${root}${project.modulePath}`,
    output: `${project.fnStart + 1}:${project.lines[project.fnStart]}`,
    exitCode: 0,
  };
}

/** A grep that finds nothing: exit code 1 and no output, a common early misstep. */
export function grepMiss(rng: Rng, instance: Instance, root: string): CommandResult {
  const guess = `${instance.project.fn}_${rng.pick(["impl", "internal", "helper"])}`;
  return { command: `grep -rn "def ${guess}" ${root || "."}`, output: "", exitCode: 1 };
}

export function grepUsages(rng: Rng, instance: Instance, root: string): CommandResult {
  const { project, repo } = instance;
  const top = project.modulePath.split("/")[0] === "src" ? project.modulePath.split("/").slice(0, 2).join("/") : project.modulePath.split("/")[0];
  const hits = [`${project.modulePath}:${project.fnStart + 1}:${project.lines[project.fnStart]}`];
  for (const other of repo.modules.filter((m) => m !== project.modulePath)) {
    for (let k = rng.int(0, 3); k > 0; k--) {
      const arg = rng.pick(NOUNS);
      hits.push(`${other}:${rng.int(20, 900)}:${" ".repeat(4 * rng.int(1, 3))}${arg} = ${project.fn}(${arg}${rng.chance(0.5) ? ", **kwargs" : ""})`);
    }
  }
  hits.push(`${project.testPath}:7:from ${project.moduleName} import ${project.fn}`);
  return {
    command: `grep -rn "${project.fn}(" ${root}${top} --include="*.py"`,
    output: hits.map((h) => `${root}${h}`).join("\n"),
    exitCode: 0,
  };
}

export function listRoot(instance: Instance, root: string): CommandResult {
  const top = new Set(instance.repo.modules.map((m) => m.split("/")[0]));
  const entries = ["AUTHORS", "CONTRIBUTING.rst", "LICENSE", "MANIFEST.in", "README.rst", "docs", "pyproject.toml", "setup.cfg", "tox.ini"];
  for (const t of top) entries.push(t);
  entries.push(instance.project.testPath.split("/")[0]);
  return { command: `ls ${root || "."}`, output: [...new Set(entries)].sort().join("\n"), exitCode: 0 };
}

/** `pip install -e .`, which sometimes fails the same way every time (a stuck-loop source). */
export function pipInstall(rng: Rng, instance: Instance, ok: boolean): CommandResult {
  const pkg = instance.repo.name.split("/")[1];
  const head = [
    "Obtaining file:///testbed",
    "  Installing build dependencies: started",
    "  Installing build dependencies: finished with status 'done'",
    "  Checking if build backend supports build_editable: started",
    "  Checking if build backend supports build_editable: finished with status 'done'",
  ];
  const output = ok
    ? [...head, `Installing collected packages: ${pkg}`, `  Attempting uninstall: ${pkg}`, `    Found existing installation: ${pkg} ${rng.int(1, 5)}.${rng.int(0, 9)}.dev0`, `Successfully installed ${pkg}-${rng.int(1, 5)}.${rng.int(0, 9)}.dev0`]
    : [...head, "  Getting requirements to build editable: started", "  Getting requirements to build editable: finished with status 'error'", "  error: subprocess-exited-with-error", "  ", "  × Getting requirements to build editable did not run successfully.", "  │ exit code: 1", "  ╰─> [3 lines of output]", "      error: invalid command 'egg_info'", "      [end of output]", "ERROR: Could not build wheels, which is required to install pyproject.toml-based projects"];
  return { command: "cd /testbed && pip install -e . 2>&1 | tail -20", output: output.join("\n"), exitCode: ok ? 0 : 1 };
}

export function gitStatus(ws: Workspace): CommandResult {
  const lines = changedPaths(ws).map((p) => (ws.get(p)!.base === null ? `?? ${p}` : ` M ${p}`));
  return { command: "cd /testbed && git status --short", output: lines.join("\n"), exitCode: 0 };
}

/** Environment listing; with `secret` it leaks an API-key-shaped value, as real logs sometimes do. */
export function envListing(rng: Rng, secret: boolean): CommandResult {
  const lines = ["PIP_NO_CACHE_DIR=1", "PYTHONDONTWRITEBYTECODE=1", "LANG=C.UTF-8", `HOSTNAME=${rng.hex(12)}`];
  if (secret) lines.push(`OPENAI_API_KEY=sk-${rng.alnum(40)}`);
  return { command: 'env | grep -v -i "path" | sort', output: rng.shuffle(lines).sort().join("\n"), exitCode: 0 };
}

/** A whole-suite run: hundreds to thousands of tests, the source of the largest observations. */
export function suiteRun(rng: Rng, instance: Instance, verbose: boolean, count: number, python: string): CommandResult {
  const testRoot = instance.project.testPath.split("/").slice(0, -1).join("/");
  const cases: TestCase[] = [];
  while (cases.length < count) {
    const file = `${testRoot}/test_${rng.pick(NOUNS)}_${rng.pick(VERBS)}.py`;
    for (let k = rng.int(5, 60); k > 0 && cases.length < count; k--) {
      const outcome: TestOutcome = rng.weighted([["passed", 95], ["skipped", 4], ["xfailed", 1]] as const);
      cases.push({ file, name: `test_${rng.pick(VERBS)}_${rng.pick(NOUNS)}${rng.pick(PARAMS)}`, outcome });
    }
  }
  const run = pytestOutput({
    python,
    pytest: "8.3.3",
    cases,
    mode: verbose ? "verbose" : "default",
    seconds: count * rng.float(0.004, 0.03),
    configfile: "pyproject.toml",
    plugins: rng.chance(0.5) ? "xdist-3.6.1, cov-5.0.0" : undefined,
  });
  return { command: `cd /testbed && python -m pytest ${testRoot}${verbose ? " -v" : ""} -p no:cacheprovider`, output: run.text, exitCode: run.exitCode };
}

const MODULE_WORDS = ["base", "utils", "core", "io", "compat", "config", "types", "errors", "registry", "cache", "formats", "parsers"];
const IMPORTED = ["os", "re", "sys", "warnings", "functools", "itertools", "collections", "typing", "pathlib", "logging", "datetime", "json"];

/** A broad `grep -rn` over the package: tens to hundreds of hits, a mid-sized observation. */
export function grepImports(rng: Rng, instance: Instance, root: string, count: number): CommandResult {
  const top = instance.project.modulePath.split("/").slice(0, instance.project.modulePath.startsWith("src/") ? 2 : 1).join("/");
  const hits: string[] = [];
  for (let i = 0; i < count; i++) {
    const file = `${top}/${rng.pick(MODULE_WORDS)}/${rng.pick(MODULE_WORDS)}.py`;
    const name = rng.pick(IMPORTED);
    hits.push(`${root}${file}:${rng.int(1, 40)}:${rng.chance(0.5) ? `import ${name}` : `from ${name} import ${rng.pick(NOUNS)}`}`);
  }
  return { command: `grep -rn "^import\\|^from" ${root}${top} --include="*.py"`, output: hits.join("\n"), exitCode: 0 };
}

/** `pip list`: a few kilobytes of installed packages. */
export function pipList(rng: Rng): CommandResult {
  const names = ["attrs", "certifi", "charset-normalizer", "coverage", "docutils", "exceptiongroup", "hypothesis", "idna", "iniconfig", "Jinja2", "MarkupSafe", "numpy", "packaging", "pluggy", "Pygments", "pytest", "pytest-cov", "pytest-xdist", "python-dateutil", "pytz", "PyYAML", "requests", "setuptools", "six", "sortedcontainers", "tomli", "typing_extensions", "urllib3", "wheel"];
  const rows = names.map((n) => `${n.padEnd(28)} ${rng.int(0, 24)}.${rng.int(0, 30)}.${rng.int(0, 12)}`);
  return { command: "pip list", output: [`${"Package".padEnd(28)} Version`, `${"-".repeat(28)} ${"-".repeat(12)}`, ...rows].join("\n"), exitCode: 0 };
}
