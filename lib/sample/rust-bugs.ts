/**
 * Rust bugs for pull-request samples; tests are `#[test]` functions for an in-file `tests` module.
 */
import type { BugTemplate } from "./bug-template";

const rs = (key: string, names: string[], build: BugTemplate["build"]): BugTemplate => ({ key, language: "rust", names, build });

export const rustBugs: readonly BugTemplate[] = [
  rs("empty-mean", ["mean", "average", "mean_of"], (fn) => ({
    lines: [
      "/// Returns the mean of `values`, rounded down.",
      `pub fn ${fn}(values: &[u32]) -> u32 {`,
      "    let sum: u32 = values.iter().sum();",
      "    sum / values.len() as u32",
      "}",
    ],
    fixes: [
      {
        start: 1,
        end: 4,
        replacement: [
          `pub fn ${fn}(values: &[u32]) -> Option<u32> {`,
          "    if values.is_empty() {",
          "        return None;",
          "    }",
          "    let sum: u64 = values.iter().map(|&v| u64::from(v)).sum();",
          "    Some((sum / values.len() as u64) as u32)",
        ],
      },
    ],
    imports: [],
    title: `${fn} panics on empty input and overflows on large values`,
    description: "`attempt to divide by zero` for an empty slice, and the `u32` sum overflows in debug builds for large inputs.",
    test: ["#[test]", `fn ${fn}_of_empty_slice_is_none() {`, `    assert_eq!(${fn}(&[]), None);`, "}"],
  })),
  rs("split-once", ["parse_pairs", "parse_key_values", "split_pairs"], (fn) => ({
    lines: [
      "/// Parses comma-separated `key=value` pairs.",
      `pub fn ${fn}(input: &str) -> Vec<(String, String)> {`,
      "    input",
      "        .split(',')",
      "        .filter_map(|pair| {",
      "            let mut parts = pair.split('=');",
      "            Some((parts.next()?.trim().to_string(), parts.next()?.trim().to_string()))",
      "        })",
      "        .collect()",
      "}",
    ],
    fixes: [
      {
        start: 5,
        end: 7,
        replacement: [
          "            let (key, value) = pair.split_once('=')?;",
          "            Some((key.trim().to_string(), value.trim().to_string()))",
        ],
      },
    ],
    imports: [],
    title: `${fn} truncates values that contain '='`,
    description: "Base64 values end with `=` padding, which is cut off because only the first two parts of the split are kept.",
    test: ["#[test]", `fn ${fn}_keeps_equals_in_values() {`, `    assert_eq!(${fn}("token=YWJj=="), vec![("token".into(), "YWJj==".into())]);`, "}"],
  })),
  rs("utf8-truncate", ["truncate", "ellipsize", "shorten"], (fn) => ({
    lines: [
      "/// Shortens `text` to at most `max` characters, appending an ellipsis when cut.",
      `pub fn ${fn}(text: &str, max: usize) -> String {`,
      "    if text.len() <= max {",
      "        return text.to_string();",
      "    }",
      '    format!("{}…", &text[..max])',
      "}",
    ],
    fixes: [
      {
        start: 2,
        end: 6,
        replacement: [
          "    if text.chars().count() <= max {",
          "        return text.to_string();",
          "    }",
          "    let cut: String = text.chars().take(max).collect();",
          '    format!("{cut}…")',
        ],
      },
    ],
    imports: [],
    title: `${fn} panics with "byte index is not a char boundary"`,
    description: "The function slices by bytes, so any multi-byte character at the cut position panics.",
    test: ["#[test]", `fn ${fn}_respects_char_boundaries() {`, `    assert_eq!(${fn}("héllo", 2), "hé…");`, "}"],
  })),
  rs("saturating", ["remaining_secs", "time_left", "seconds_until"], (fn) => ({
    lines: [
      "/// Returns the number of seconds left before `deadline`.",
      `pub fn ${fn}(now: u64, deadline: u64) -> u64 {`,
      "    deadline - now",
      "}",
    ],
    fixes: [{ start: 2, end: 3, replacement: ["    deadline.saturating_sub(now)"] }],
    imports: [],
    title: `${fn} panics with "attempt to subtract with overflow" after the deadline`,
    description: "Once the deadline has passed the subtraction underflows; it should report zero.",
    test: ["#[test]", `fn ${fn}_is_zero_after_deadline() {`, `    assert_eq!(${fn}(20, 10), 0);`, "}"],
  })),
];
