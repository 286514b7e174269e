/**
 * What an instance id tells about its task. SWE-bench-style ids encode the repository
 * (`owner__repo-1234`), and many tools name their output files after the id, so both are
 * recoverable without the dataset.
 */

const maxIdLength = 300;
/** GitHub owners are letters, digits and hyphens, so an id's owner part never holds `_`. */
const ownerPattern = /^[A-Za-z0-9][A-Za-z0-9-]*$/;
/** SWE-smith: `owner__repo.<8-hex commit>.<bug id>`. */
const sweSmithRest = /^([\w.-]+?)\.[0-9a-f]{8}(?:\.|$)/;
/** SWE-bench and kin: `owner__repo-<pr>`, SWE-Gym adds a `_<sample>` suffix. */
const sweBenchRest = /^([\w.-]+?)-\d+(?:_\d+)?$/;

/** `django__django-15731` -> `django/django`; SWE-smith ids likewise; null when the id has no repo. */
export function repoFromInstanceId(instanceId: string): string | null {
  if (instanceId.length > maxIdLength) return null;
  const split = instanceId.indexOf("__");
  if (split <= 0) return null;
  const owner = instanceId.slice(0, split);
  if (!ownerPattern.test(owner)) return null;
  const rest = instanceId.slice(split + 2);
  const repo = sweSmithRest.exec(rest)?.[1] ?? sweBenchRest.exec(rest)?.[1];
  return repo ? `${owner}/${repo}` : null;
}

const knownSuffixes = [".traj.json", ".traj", ".pred", ".jsonl", ".json"];
/** File names that say nothing about the instance; the folder above them does. */
const genericStems = new Set(["report", "patch", "trajectory", "traj", "output", "eval"]);
const ownerChar = /[A-Za-z0-9-]/;

/** The last path segment without a known extension (`a/b/x.traj.json` -> `x`). */
export function fileStem(fileName: string): string {
  const base = fileName.slice(Math.max(fileName.lastIndexOf("/"), fileName.lastIndexOf("\\")) + 1);
  const lower = base.toLowerCase();
  const suffix = knownSuffixes.find((s) => lower.endsWith(s));
  return suffix ? base.slice(0, -suffix.length) : base;
}

/**
 * The `owner__repo…` instance id a file is named after, e.g. `…/django__django-15731/report.json`,
 * `run_django__django-15731.json` or `pydicom__pydicom-1458.traj`; null when no segment has one.
 */
export function instanceIdFromFileName(fileName: string): string | null {
  const segments = fileName.split(/[/\\]/).filter((s) => s !== "");
  if (segments.length === 0) return null;
  const stem = fileStem(segments[segments.length - 1]);
  if (!genericStems.has(stem.toLowerCase())) return idInName(stem);
  return segments.length > 1 ? idInName(segments[segments.length - 2]) : null;
}

/** Tools prefix ids with run names (`07_report_django__django-16950`): the id starts at its owner. */
function idInName(name: string): string | null {
  const split = name.indexOf("__");
  if (split <= 0) return null;
  let start = split;
  while (start > 0 && ownerChar.test(name[start - 1])) start--;
  return start < split && split + 2 < name.length ? name.slice(start) : null;
}
