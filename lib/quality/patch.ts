/**
 * Patch sanity: is the final patch empty, huge, polluted with build artefacts, or editing tests?
 * Patches can be megabytes (agents commit `build/` trees), so this is one pass over the lines
 * that only looks at file headers.
 */
import { z } from "zod";

export const HUGE_PATCH_BYTES = 100 * 1024;
export const HUGE_PATCH_FILES = 30;
/** Enough paths to show in the UI and to filter on; a patch with more is junk anyway. */
export const MAX_LISTED_PATHS = 50;

export const patchSignalsSchema = z.object({
  bytes: z.number().int(),
  filesTouched: z.number().int(),
  junkPaths: z.array(z.string()),
  testFilesEdited: z.array(z.string()),
  isEmpty: z.boolean(),
  isHuge: z.boolean(),
  hasBinary: z.boolean(),
});
export type PatchSignals = z.infer<typeof patchSignalsSchema>;

/**
 * Build outputs and caches. `build/` only at the root or in setuptools' shape (`build/lib…`),
 * because nested `build/` folders are often real source (e.g. `tools/build/`).
 */
const junkPathPattern =
  /^build\/|(^|\/)build\/(lib|bdist|temp|scripts)[^/]*\/|(^|\/)dist\/|\.egg-info(\/|$)|(^|\/)__pycache__\/|\.py[cod]$|(^|\/)node_modules\/|\.(so|o|a|dll|dylib|class|jar|whl|egg|exe|obj)$|(^|\/)\.(pytest_cache|mypy_cache|tox|ruff_cache)\/|(^|\/)\.DS_Store$/;

const testPathPattern =
  /(^|\/)(tests?|__tests__)\/|(^|\/)test_[^/]*\.py$|_test\.(py|go)$|\.(spec|test)\.[cm]?[jt]sx?$|(^|\/)conftest\.py$|Tests?\.java$|_spec\.rb$/;

export function isJunkPath(path: string): boolean {
  return junkPathPattern.test(path);
}

export function isTestPath(path: string): boolean {
  return testPathPattern.test(path);
}

/** UTF-8 size without allocating an encoded copy of a possibly huge string. */
function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** `diff --git a/x b/y` → `y`; paths with spaces make the header ambiguous, so split at the last ` b/`. */
function pathFromGitHeader(line: string): string {
  const rest = line.slice("diff --git ".length);
  const at = rest.lastIndexOf(" b/");
  if (at >= 0) return rest.slice(at + 3);
  return rest.replace(/^a\//, "").split(" ")[0];
}

function pathFromMarker(line: string): string | null {
  const path = line.slice(4).split("\t")[0].trim();
  if (path === "/dev/null") return null;
  return path.replace(/^[ab]\//, "");
}

/** `Binary files a/x and b/y differ` → `y` (or `x` when the file was deleted). */
function pathFromBinaryLine(line: string): string | null {
  const match = /^Binary files (.+) and (.+) differ$/.exec(line);
  if (!match) return null;
  const path = match[2] === "/dev/null" ? match[1] : match[2];
  return path.replace(/^[ab]\//, "");
}

/** File paths touched by a unified diff, in order, plus whether any hunk is binary. */
export function patchFiles(patch: string): { paths: string[]; binaryPaths: string[]; hasBinary: boolean } {
  const gitPaths: string[] = [];
  const markerPaths: string[] = [];
  const binaryPaths: string[] = [];
  let hasBinary = false;
  let previous = "";
  let start = 0;
  while (start < patch.length) {
    let end = patch.indexOf("\n", start);
    if (end < 0) end = patch.length;
    // Only header-looking lines are sliced out; hunk bodies are skipped by their first char.
    const first = patch.charCodeAt(start);
    if (first === 0x64 /* d */ || first === 0x2b /* + */ || first === 0x2d /* - */ || first === 0x42 /* B */ || first === 0x47 /* G */) {
      const line = patch.slice(start, end).replace(/\r$/, "");
      if (line.startsWith("diff --git ")) gitPaths.push(pathFromGitHeader(line));
      // In a hunk, an added line "++ x" reads "+++ x"; a real marker follows its "--- " line.
      else if (line.startsWith("+++ ") && previous.startsWith("--- ")) {
        const path = pathFromMarker(line) ?? pathFromMarker(previous);
        if (path) markerPaths.push(path);
      } else if (line.startsWith("GIT binary patch") || line.startsWith("Binary files ")) {
        hasBinary = true;
        const path = gitPaths[gitPaths.length - 1] ?? pathFromBinaryLine(line);
        if (path) binaryPaths.push(path);
      }
      previous = line;
    } else previous = "";
    start = end + 1;
  }
  return { paths: gitPaths.length > 0 ? gitPaths : markerPaths, binaryPaths, hasBinary };
}

function capped(paths: Iterable<string>): string[] {
  return [...new Set(paths)].slice(0, MAX_LISTED_PATHS);
}

export function analyzePatch(patch: string | null): PatchSignals {
  if (patch === null || !/\S/.test(patch)) {
    return {
      bytes: patch ? utf8Bytes(patch) : 0,
      filesTouched: 0,
      junkPaths: [],
      testFilesEdited: [],
      isEmpty: true,
      isHuge: false,
      hasBinary: false,
    };
  }
  const bytes = utf8Bytes(patch);
  const { paths, binaryPaths, hasBinary } = patchFiles(patch);
  const filesTouched = new Set(paths).size;
  return {
    bytes,
    filesTouched,
    junkPaths: capped([...paths.filter(isJunkPath), ...binaryPaths]),
    testFilesEdited: capped(paths.filter(isTestPath)),
    isEmpty: false,
    isHuge: bytes > HUGE_PATCH_BYTES || filesTouched > HUGE_PATCH_FILES,
    hasBinary,
  };
}
