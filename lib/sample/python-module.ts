/**
 * Builds the Python source file a rollout works on: the buggy function among other (correct)
 * helpers, plus the existing test module for it. Everything an agent sees (grep hits, `cat -n`
 * output, tracebacks, the final patch) is derived from these texts, so they stay consistent.
 */
import { applyFixes, type BugSpec, type BugTemplate } from "./bug-template";
import { pythonBugs } from "./python-bugs";
import type { Rng } from "./random";
import { pythonModuleName, pythonTestPath, type Repo } from "./repos";

export type PythonProject = {
  modulePath: string;
  moduleName: string;
  fn: string;
  spec: BugSpec;
  /** Module with the bug. */
  before: string;
  lines: string[];
  /** 0-based line of the buggy function's `def`. */
  fnStart: number;
  testPath: string;
  testBefore: string;
  /** Names of the tests already in the test module. */
  testNames: string[];
  /** Every function defined in the module. */
  functions: string[];
};

const SETTINGS = [
  "timeout", "retries", "encoding", "locale", "timezone", "precision", "separator", "prefix", "suffix",
  "template", "backend", "cache_dir", "max_size", "batch_size", "verbosity", "strict", "base_url",
  "user_agent", "proxy", "cert_path", "page_size", "max_depth", "delimiter", "quote_char", "compression",
  "chunk_size", "pool_size", "poll_interval", "log_level", "color", "width", "indent", "line_length",
  "namespace", "region", "currency", "rounding", "tolerance", "seed", "workers",
];

function sortImports(imports: Iterable<string>): string[] {
  const unique = [...new Set(imports)];
  const plain = unique.filter((line) => line.startsWith("import ")).sort();
  const from = unique.filter((line) => line.startsWith("from ")).sort();
  return [...plain, ...from];
}

/** A settings class with many small accessors: bulk that makes some files long, as real ones are. */
function settingsClass(rng: Rng, stem: string, count: number): string[] {
  const cls = stem.split("_").map((w) => w[0].toUpperCase() + w.slice(1)).join("") + "Options";
  const lines = [
    `class ${cls}:`,
    `    """Mutable bag of options for the ${stem.replace(/_/g, " ")} helpers."""`,
    "",
    "    def __init__(self, **options):",
    "        self._options = dict(options)",
  ];
  for (const name of rng.sample(SETTINGS, count)) {
    lines.push(
      "",
      `    def get_${name}(self, default=None):`,
      `        """Return the configured ${name.replace(/_/g, " ")}, or *default* when unset."""`,
      `        return self._options.get("${name}", default)`,
      "",
      `    def set_${name}(self, value):`,
      `        self._options["${name}"] = value`,
      "        return self",
      "",
      `    def has_${name}(self):`,
      `        return "${name}" in self._options`,
    );
  }
  return lines;
}

export function buildPythonProject(rng: Rng, repo: Repo, options: { bulk?: number; template?: BugTemplate } = {}): PythonProject {
  const modulePath = rng.pick(repo.modules);
  const moduleName = pythonModuleName(modulePath);
  const stem = modulePath.split("/").pop()!.replace(/\.py$/, "").replace(/^_+/, "");
  const target = options.template ?? rng.pick(pythonBugs);
  const fn = rng.pick(target.names);
  const spec = target.build(fn);
  const fillers = rng
    .sample(pythonBugs.filter((t) => t !== target), rng.int(2, 6))
    .map((template) => {
      const name = rng.pick(template.names);
      const filler = template.build(name);
      return { name, spec: filler, lines: applyFixes(filler.lines, filler.fixes) };
    });
  const order = rng.shuffle([{ name: fn, spec, lines: spec.lines }, ...fillers]);
  const imports = sortImports([...order.flatMap((f) => f.spec.imports), "import logging"]);

  const pkg = moduleName.split(".")[0];
  const generic = /^(utils|misc|helpers|common|compat|fixes)$/.test(stem);
  const topic = stem.replace(/_/g, " ");
  const lines = [generic ? `"""Miscellaneous helper functions used throughout ${pkg}."""` : `"""Utilities for ${topic} in ${pkg}."""`];
  if (rng.chance(0.5)) lines.push("from __future__ import annotations");
  lines.push("", ...imports, "", "logger = logging.getLogger(__name__)");
  let fnStart = -1;
  for (const entry of order) {
    lines.push("", "");
    if (entry.name === fn) fnStart = lines.length;
    lines.push(...entry.lines);
  }
  const bulk = options.bulk ?? 0;
  if (bulk > 0) lines.push("", "", ...settingsClass(rng, stem, Math.min(bulk, SETTINGS.length)));

  const tested = fillers.filter(() => rng.chance(0.8));
  const testNames = tested.map((f) => /^def (\w+)/.exec(f.spec.test[0])![1]);
  const testLines = [
    "import datetime",
    "import math",
    "from types import SimpleNamespace",
    "",
    "import pytest",
    "",
    `from ${moduleName} import ${[fn, ...tested.map((f) => f.name)].sort().join(", ")}`,
  ];
  for (const filler of tested) testLines.push("", "", ...filler.spec.test);
  testLines.push("", "", `def test_${fn}_smoke():`, `    assert callable(${fn})`);
  testNames.push(`test_${fn}_smoke`);

  return {
    modulePath,
    moduleName,
    fn,
    spec,
    before: lines.join("\n") + "\n",
    lines,
    fnStart,
    testPath: pythonTestPath(repo, modulePath),
    testBefore: testLines.join("\n") + "\n",
    testNames,
    functions: order.map((f) => f.name),
  };
}
