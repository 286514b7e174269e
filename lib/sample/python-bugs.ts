/**
 * Python bugs that give a silently wrong result, plus the full Python catalogue (with the crashes
 * in python-crash-bugs.ts) that rollouts and Python pull-request samples draw from.
 */
import type { BugTemplate } from "./bug-template";
import { pythonCrashBugs } from "./python-crash-bugs";

const py = (key: string, names: string[], build: BugTemplate["build"]): BugTemplate => ({ key, language: "python", names, build });

const wrongResultBugs: readonly BugTemplate[] = [
  py("chunk-tail", ["chunked", "batched", "split_into_chunks", "chunk_items"], (fn) => ({
    lines: [
      `def ${fn}(items, size):`,
      `    """Split *items* into consecutive chunks of at most *size* elements."""`,
      "    if size <= 0:",
      '        raise ValueError("size must be a positive integer")',
      "    chunks = []",
      "    for start in range(0, len(items) - size + 1, size):",
      "        chunks.append(items[start:start + size])",
      "    return chunks",
    ],
    fixes: [{ start: 5, end: 6, replacement: ["    for start in range(0, len(items), size):"] }],
    imports: [],
    title: `\`${fn}\` silently drops the last partial chunk`,
    description: `When the length of the input is not a multiple of \`size\`, the trailing elements are lost. The docstring says "at most *size* elements", so the last chunk should simply be shorter.`,
    test: [`def test_${fn}_keeps_partial_tail():`, `    assert ${fn}([1, 2, 3, 4, 5], 2) == [[1, 2], [3, 4], [5]]`],
    call: `${fn}([1, 2, 3, 4, 5], 2)`,
    failure: { kind: "wrong", got: "[[1, 2], [3, 4]]", expected: "[[1, 2], [3, 4], [5]]" },
    fixedResult: "[[1, 2], [3, 4], [5]]",
  })),
  py("url-slashes", ["join_url", "url_join", "build_url"], (fn) => ({
    lines: [
      `def ${fn}(base, *segments):`,
      `    """Join *segments* onto *base*, separated by single slashes."""`,
      "    url = base",
      "    for segment in segments:",
      '        url = url + "/" + segment',
      "    return url",
    ],
    fixes: [{ start: 4, end: 5, replacement: ['        url = url.rstrip("/") + "/" + segment.lstrip("/")'] }],
    imports: [],
    title: `\`${fn}\` produces double slashes`,
    description: `If the base URL ends with a slash or a segment starts with one, the result contains \`//\`. Some servers treat that as a different route and answer 404.`,
    test: [`def test_${fn}_collapses_slashes():`, `    assert ${fn}("https://api.example.com/", "/v1", "items") == "https://api.example.com/v1/items"`],
    call: `${fn}("https://api.example.com/", "v1", "/items")`,
    failure: { kind: "wrong", got: "'https://api.example.com//v1//items'", expected: "'https://api.example.com/v1/items'" },
    fixedResult: "'https://api.example.com/v1/items'",
  })),
  py("bool-env", ["env_flag", "parse_bool", "as_bool"], (fn) => ({
    lines: [
      `def ${fn}(value, default=False):`,
      `    """Interpret an environment-variable string as a boolean flag."""`,
      "    if value is None:",
      "        return default",
      "    return bool(value)",
    ],
    fixes: [{ start: 4, end: 5, replacement: ['    return value.strip().lower() in {"1", "true", "yes", "on"}'] }],
    imports: [],
    title: `Setting the flag to "false" enables it`,
    description: `Any non-empty string is truthy, so \`DEBUG=false\` or \`DEBUG=0\` turns the feature *on*. \`${fn}\` should parse the usual spellings.`,
    test: [`def test_${fn}_parses_false():`, `    assert ${fn}("false") is False`, `    assert ${fn}(" Yes ") is True`],
    call: `${fn}("false")`,
    failure: { kind: "wrong", got: "True", expected: "False" },
    fixedResult: "False",
  })),
  py("reversed-bounds", ["clamp", "bound", "clip_value"], (fn) => ({
    lines: [
      `def ${fn}(value, lower, upper):`,
      `    """Clamp *value* into the closed interval between *lower* and *upper*."""`,
      "    if value < lower:",
      "        return lower",
      "    if value > upper:",
      "        return upper",
      "    return value",
    ],
    fixes: [{ start: 2, end: 2, replacement: ["    if lower > upper:", "        lower, upper = upper, lower"] }],
    imports: [],
    title: `\`${fn}\` returns a bound outside the interval when bounds are reversed`,
    description: `With descending axes the caller passes \`lower > upper\`; \`${fn}(5, 10, 0)\` then returns 10 although 5 is inside the interval.`,
    test: [`def test_${fn}_accepts_reversed_bounds():`, `    assert ${fn}(5, 10, 0) == 5`],
    call: `${fn}(5, 10, 0)`,
    failure: { kind: "wrong", got: "10", expected: "5" },
    fixedResult: "5",
  })),
];

export const pythonBugs: readonly BugTemplate[] = [...pythonCrashBugs, ...wrongResultBugs];
