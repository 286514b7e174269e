import { describe, expect, it } from "vitest";
import { getFormat } from "@/lib/formats";
import { hasFixtures, readFixtureJson } from "@/lib/testing/fixtures";
import { parseTestOutput, testRunLabel } from "./test-output";

/** Observation texts of a fixture episode, by step index. */
function observations(name: string, format: string): Map<number, string> {
  const parsed = getFormat(format).parse(readFixtureJson(name), { fileName: name, location: 1 });
  if (parsed.type !== "episodes") throw new Error("expected episodes");
  const texts = new Map<number, string>();
  parsed.episodes[0].steps.forEach((step, idx) => {
    for (const part of step.parts) if (part.type === "observation") texts.set(idx, part.text);
  });
  return texts;
}

describe.skipIf(!hasFixtures)("parseTestOutput on real outputs", () => {
  it("05: Django's runner, all passing", () => {
    const steps = observations("05_mini-swe-agent-1_django__django-15731.traj.json", "mini-swe-agent");
    expect(parseTestOutput(steps.get(41)!)).toEqual({ framework: "django", passed: 55, failed: 0, errors: 0, skipped: 0, failing: [] });
    expect(parseTestOutput(steps.get(51)!)).toMatchObject({ framework: "django", passed: 15, failed: 0 });
  });

  it("07: Django with errors and skips, names from the cut output (Python 3.11 form)", () => {
    const steps = observations("07_mini-swe-agent-1_django__django-16950.traj.json", "mini-swe-agent");
    const broken = parseTestOutput(steps.get(139)!);
    expect(broken).toMatchObject({ framework: "django", passed: 7, failed: 0, errors: 63, skipped: 12 });
    expect(broken?.failing).toContain("admin_inlines.tests.TestVerboseNameInlineForms.test_verbose_name_inline");
    expect(broken?.failing).toHaveLength(4);
    expect(parseTestOutput(steps.get(155)!)).toMatchObject({ passed: 70, errors: 0, skipped: 12 });
  });

  it("09: plain unittest, from errors to all passing", () => {
    const steps = observations("09_mini-swe-agent-1_psf__requests-1142_HUGE.traj.json", "mini-swe-agent");
    const before = parseTestOutput(steps.get(93)!);
    expect(before).toEqual({
      framework: "unittest",
      passed: 24,
      failed: 0,
      errors: 2,
      skipped: 0,
      failing: ["__main__.RequestsTestCase.test_DIGESTAUTH_WRONG_HTTP_401_GET", "__main__.RequestsTestCase.test_DIGEST_HTTP_200_OK_GET"],
    });
    expect(parseTestOutput(steps.get(103)!)).toMatchObject({ framework: "unittest", passed: 26, errors: 0 });
  });

  it("12: pytest summaries with warnings and deselected tests (CRLF output)", () => {
    const rows = readFixtureJson("12_swe-gym_openhands-sampled-trajectories_5rows.json") as { test_result: { test_output: string } }[];
    expect(parseTestOutput(rows[0].test_result.test_output)).toEqual({ framework: "pytest", passed: 4, failed: 0, errors: 0, skipped: 0, failing: [] });
    expect(parseTestOutput(rows[1].test_result.test_output)).toMatchObject({ framework: "pytest", passed: 10 });
  });

  it("finds nothing in outputs that ran no tests", () => {
    const steps = observations("05_mini-swe-agent-1_django__django-15731.traj.json", "mini-swe-agent");
    expect(parseTestOutput(steps.get(3)!)).toBeNull();
  });
});

describe("parseTestOutput", () => {
  it("reads a failing pytest run with its short summary", () => {
    const output = [
      "============================= test session starts ==============================",
      "collected 5 items",
      "",
      "tests/test_a.py ..F.E                                                    [100%]",
      "=========================== short test summary info ============================",
      "FAILED tests/test_a.py::test_three - AssertionError: assert 1 == 2",
      "ERROR tests/test_a.py::test_five - fixture 'db' not found",
      "========== 1 failed, 3 passed, 1 skipped, 1 error, 2 warnings in 0.42s ==========",
    ].join("\n");
    expect(parseTestOutput(output)).toEqual({
      framework: "pytest",
      passed: 3,
      failed: 1,
      errors: 1,
      skipped: 1,
      failing: ["tests/test_a.py::test_three", "tests/test_a.py::test_five"],
    });
  });

  it("reads pytest -q, coloured summaries and 'no tests ran'", () => {
    expect(parseTestOutput("..\n2 passed in 0.01s")).toMatchObject({ passed: 2, failed: 0 });
    expect(parseTestOutput("\x1b[31m\x1b[1m1 failed\x1b[0m, \x1b[32m4 passed\x1b[0m\x1b[31m in 1.20s\x1b[0m")).toMatchObject({ passed: 4, failed: 1 });
    expect(parseTestOutput("===== no tests ran in 0.01s =====")).toMatchObject({ framework: "pytest", passed: 0 });
  });

  it("reads unittest's older failure form and counts unexpected successes as failures", () => {
    const output = [
      "======================================================================",
      "FAIL: test_parse (tests.test_parser.ParserTest)",
      "----------------------------------------------------------------------",
      "Traceback (most recent call last):",
      "AssertionError: 1 != 2",
      "",
      "----------------------------------------------------------------------",
      "Ran 10 tests in 0.003s",
      "",
      "FAILED (failures=1, skipped=2, expected failures=1, unexpected successes=1)",
    ].join("\n");
    expect(parseTestOutput(output)).toEqual({
      framework: "unittest",
      passed: 5,
      failed: 2,
      errors: 0,
      skipped: 3,
      failing: ["tests.test_parser.ParserTest.test_parse"],
    });
  });

  it("takes the last of several runs", () => {
    const output = "Ran 3 tests in 0.1s\n\nFAILED (errors=3)\n...\nRan 3 tests in 0.1s\n\nOK\n";
    expect(parseTestOutput(output)).toMatchObject({ passed: 3, errors: 0 });
    expect(parseTestOutput(`Ran 2 tests in 0.1s\n\nOK\n=== 1 failed in 0.2s ===`)).toMatchObject({ framework: "pytest", failed: 1 });
  });

  it("ignores prose that only mentions tests", () => {
    expect(parseTestOutput("All 12 tests passed, I ran them in 3s")).toBeNull();
    expect(parseTestOutput("")).toBeNull();
  });

  it("labels a summary", () => {
    expect(testRunLabel({ framework: "pytest", passed: 3, failed: 1, errors: 2, skipped: 0, failing: [] })).toBe("3 passed, 1 failed, 2 errors");
  });
});
