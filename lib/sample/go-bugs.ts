/**
 * Go bugs for pull-request samples; tests use the standard `testing` package in `_test.go` files.
 */
import type { BugTemplate } from "./bug-template";

const go = (key: string, names: string[], build: BugTemplate["build"]): BugTemplate => ({ key, language: "go", names, build });

export const goBugs: readonly BugTemplate[] = [
  go("chunk-tail", ["Chunk", "Batch", "SplitChunks"], (fn) => ({
    lines: [
      `// ${fn} splits items into consecutive chunks of at most size elements.`,
      `func ${fn}(items []string, size int) [][]string {`,
      "\tif size <= 0 {",
      '\t\tpanic("size must be positive")',
      "\t}",
      "\tvar chunks [][]string",
      "\tfor start := 0; start+size <= len(items); start += size {",
      "\t\tchunks = append(chunks, items[start:start+size])",
      "\t}",
      "\treturn chunks",
      "}",
    ],
    fixes: [
      {
        start: 6,
        end: 8,
        replacement: [
          "\tfor start := 0; start < len(items); start += size {",
          "\t\tend := start + size",
          "\t\tif end > len(items) {",
          "\t\t\tend = len(items)",
          "\t\t}",
          "\t\tchunks = append(chunks, items[start:end])",
        ],
      },
    ],
    imports: [],
    title: `${fn} drops the last partial chunk`,
    description: `\`${fn}([]string{"a", "b", "c"}, 2)\` returns only \`[[a b]]\`.`,
    test: [
      `func Test${fn}KeepsPartialTail(t *testing.T) {`,
      `\tgot := ${fn}([]string{"a", "b", "c"}, 2)`,
      "\tif len(got) != 2 || len(got[1]) != 1 {",
      '\t\tt.Fatalf("unexpected chunks: %v", got)',
      "\t}",
      "}",
    ],
  })),
  go("nil-map", ["Resource", "Record", "Node", "Entry"], (type) => ({
    lines: [
      `// ${type} is a named object with free-form labels.`,
      `type ${type} struct {`,
      "\tName   string",
      "\tlabels map[string]string",
      "}",
      "",
      "// SetLabel records a label, replacing any previous value.",
      `func (r *${type}) SetLabel(key, value string) {`,
      "\tr.labels[key] = value",
      "}",
    ],
    fixes: [{ start: 8, end: 8, replacement: ["\tif r.labels == nil {", "\t\tr.labels = make(map[string]string)", "\t}"] }],
    imports: [],
    title: `panic: assignment to entry in nil map in ${type}.SetLabel`,
    description: `A zero-value \`${type}{}\` panics on the first \`SetLabel\` call; only values built by the constructor work.`,
    test: [
      `func Test${type}SetLabelOnZeroValue(t *testing.T) {`,
      `\tvar r ${type}`,
      '\tr.SetLabel("env", "prod")',
      "}",
    ],
  })),
  go("error-wrap", ["LoadConfig", "ReadConfig", "OpenConfig"], (fn) => ({
    lines: [
      "// Config is the parsed configuration file.",
      "type Config struct {",
      "\tRaw []byte",
      "}",
      "",
      `// ${fn} reads the configuration file at path.`,
      `func ${fn}(path string) (*Config, error) {`,
      "\tdata, err := os.ReadFile(path)",
      "\tif err != nil {",
      '\t\treturn nil, fmt.Errorf("read config %s: %v", path, err)',
      "\t}",
      "\treturn &Config{Raw: data}, nil",
      "}",
    ],
    fixes: [{ start: 9, end: 10, replacement: ['\t\treturn nil, fmt.Errorf("read config %s: %w", path, err)'] }],
    imports: ["fmt", "os"],
    title: `errors.Is(err, fs.ErrNotExist) is false for errors from ${fn}`,
    description: "The error is formatted with `%v`, which drops the wrapped error, so callers cannot fall back to defaults when the file is missing.",
    test: [
      `func Test${fn}MissingFileWrapsErrNotExist(t *testing.T) {`,
      `\t_, err := ${fn}("does-not-exist.toml")`,
      "\tif !errors.Is(err, fs.ErrNotExist) {",
      '\t\tt.Fatalf("expected ErrNotExist, got %v", err)',
      "\t}",
      "}",
    ],
  })),
  go("case-prefix", ["HasPrefixFold", "MatchesPrefix", "StartsWithFold"], (fn) => ({
    lines: [
      `// ${fn} reports whether s begins with prefix, ignoring case.`,
      `func ${fn}(s, prefix string) bool {`,
      "\treturn strings.HasPrefix(strings.ToLower(s), prefix)",
      "}",
    ],
    fixes: [{ start: 2, end: 3, replacement: ["\treturn strings.HasPrefix(strings.ToLower(s), strings.ToLower(prefix))"] }],
    imports: ["strings"],
    title: `${fn} is only case-insensitive for the subject, not the prefix`,
    description: `\`${fn}("Bearer x", "Bearer")\` is false because only \`s\` is lower-cased.`,
    test: [
      `func Test${fn}IgnoresPrefixCase(t *testing.T) {`,
      `\tif !${fn}("Bearer x", "Bearer") {`,
      '\t\tt.Fatal("expected a match")',
      "\t}",
      "}",
    ],
  })),
];
