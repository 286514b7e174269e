/**
 * Repositories the sample data pretends to come from. Well-known public names (with their real
 * licences) make the sample feel familiar; made-up ones cover the licences curators filter out
 * (GPL-3.0, no licence) without misrepresenting a real project.
 */
import type { Language } from "./bug-template";

export type Repo = {
  name: string;
  license: string | null;
  language: Language;
  description: string;
  stars: number;
  /** Source files a bug can be planted in. */
  modules: readonly string[];
  /** Python: where tests for a module live; null means a `tests/` folder beside the module. */
  testDir?: string | null;
  pythonVersion?: string;
};

const python = (
  name: string,
  license: string | null,
  stars: number,
  description: string,
  modules: string[],
  testDir: string | null,
  pythonVersion: string,
): Repo => ({ name, license, language: "python", description, stars, modules, testDir, pythonVersion });

/** Python repositories for agent rollouts (SWE-bench style instances). */
export const rolloutRepos: readonly Repo[] = [
  python("django/django", "BSD-3-Clause", 84000, "The Web framework for perfectionists with deadlines.", ["django/utils/text.py", "django/utils/datastructures.py", "django/utils/dateparse.py", "django/core/management/utils.py"], "tests/utils_tests", "3.9"),
  python("sympy/sympy", "BSD-3-Clause", 13800, "A computer algebra system written in pure Python", ["sympy/utilities/iterables.py", "sympy/utilities/misc.py", "sympy/core/compatibility.py"], null, "3.9"),
  python("psf/requests", "Apache-2.0", 52900, "A simple, yet elegant, HTTP library.", ["requests/utils.py", "requests/_internal_utils.py", "requests/structures.py"], "tests", "3.9"),
  python("astropy/astropy", "BSD-3-Clause", 4700, "Astronomy and astrophysics core library", ["astropy/utils/misc.py", "astropy/utils/data_info.py", "astropy/config/configuration.py"], null, "3.9"),
  python("pandas-dev/pandas", "BSD-3-Clause", 45000, "Flexible and powerful data analysis / manipulation library for Python", ["pandas/io/common.py", "pandas/core/common.py", "pandas/util/_validators.py"], null, "3.10"),
  python("scikit-learn/scikit-learn", "BSD-3-Clause", 61000, "scikit-learn: machine learning in Python", ["sklearn/utils/_param_validation.py", "sklearn/utils/fixes.py", "sklearn/utils/_chunking.py"], null, "3.9"),
  python("pytest-dev/pytest", "MIT", 12800, "The pytest framework makes it easy to write small tests, yet scales to support complex functional testing", ["src/_pytest/compat.py", "src/_pytest/pathlib.py", "src/_pytest/config/findpaths.py"], "testing", "3.9"),
  python("sphinx-doc/sphinx", "BSD-2-Clause", 7000, "The Sphinx documentation generator", ["sphinx/util/osutil.py", "sphinx/util/nodes.py", "sphinx/util/inspect.py"], "tests", "3.9"),
  python("pallets/flask", "BSD-3-Clause", 69000, "The Python micro framework for building web applications.", ["src/flask/helpers.py", "src/flask/config.py"], "tests", "3.11"),
  python("encode/httpx", "BSD-3-Clause", 14000, "A next generation HTTP client for Python.", ["httpx/_utils.py", "httpx/_urls.py"], "tests", "3.11"),
  python("marshmallow-code/marshmallow", "MIT", 7100, "A lightweight library for converting complex objects to and from simple Python datatypes.", ["src/marshmallow/utils.py", "src/marshmallow/class_registry.py"], "tests", "3.10"),
  python("acme/widgets", "MIT", 214, "Internal widget catalogue and pricing service.", ["widgets/pricing.py", "widgets/catalog/utils.py", "widgets/settings.py"], "tests", "3.11"),
];

const repo = (name: string, language: Language, license: string | null, stars: number, description: string, modules: string[]): Repo => ({
  name,
  language,
  license,
  stars,
  description,
  modules,
});

/** Repositories for pull-request samples, across languages and licences. */
export const pullRequestRepos: readonly Repo[] = [
  ...rolloutRepos.filter((r) => ["pallets/flask", "psf/requests", "encode/httpx", "acme/widgets"].includes(r.name)),
  python("hollowtree/ledgerline", "GPL-3.0", 58, "Plain-text double-entry bookkeeping helpers.", ["ledgerline/parse.py", "ledgerline/report.py"], "tests", "3.12"),
  python("quietlab/tidyconf", null, 9, "Tiny layered configuration loader.", ["tidyconf/loader.py"], "tests", "3.12"),
  repo("acme/web-widgets", "typescript", "MIT", 341, "Shared React widgets and helpers for the ACME storefront.", ["src/lib/collections.ts", "src/lib/http.ts", "src/lib/time.ts"]),
  repo("northwind/ts-toolkit", "typescript", "Apache-2.0", 1280, "Small, dependency-free TypeScript utilities.", ["src/array.ts", "src/retry.ts", "src/query.ts"]),
  repo("lumen-ui/lumen", "typescript", "GPL-3.0", 77, "A themable component kit.", ["packages/core/src/utils.ts"]),
  repo("paperkite/kite-sdk", "typescript", null, 12, "Client SDK for the Kite API.", ["src/client/params.ts", "src/client/backoff.ts"]),
  repo("fieldnotes/fn-agent", "go", "GPL-3.0", 45, "Collects host metrics and ships them to Fieldnotes.", ["internal/labels/labels.go", "internal/config/config.go"]),
  repo("acme/ledger-go", "go", "BSD-3-Clause", 530, "Append-only ledger service.", ["pkg/ledger/batch.go", "pkg/ledger/config.go"]),
  repo("northwind/gokit-lite", "go", "Apache-2.0", 2100, "Pragmatic helpers for Go services.", ["strutil/strutil.go", "slices/chunk.go"]),
  repo("driftwood/dw-cli", "rust", "Apache-2.0", 860, "A fast command-line log explorer.", ["src/text.rs", "src/args.rs"]),
  repo("moss-labs/moss", "rust", null, 31, "Experimental static-site builder.", ["src/util.rs"]),
  repo("acme/metrics-rs", "rust", "MIT", 190, "Lightweight metrics aggregation.", ["src/stats.rs", "src/clock.rs"]),
];

/** `owner/repo` -> `owner__repo`, the SWE-bench instance-id prefix. */
export function instancePrefix(repoName: string): string {
  return repoName.replace("/", "__");
}

/** Where the test module for a Python source module lives. */
export function pythonTestPath(repoEntry: Repo, modulePath: string): string {
  const file = modulePath.split("/").pop()!;
  const stem = file.replace(/\.py$/, "").replace(/^_+/, "");
  if (repoEntry.testDir) return `${repoEntry.testDir}/test_${stem}.py`;
  const dir = modulePath.split("/").slice(0, -1).join("/");
  return `${dir}/tests/test_${stem}.py`;
}

/** The dotted module name of a Python file (`src/` layouts import without the `src`). */
export function pythonModuleName(modulePath: string): string {
  return modulePath.replace(/^src\//, "").replace(/\.py$/, "").replace(/\//g, ".");
}
