import { describe, expect, it } from "vitest";
import { getFormat } from "@/lib/formats";
import { hasFixtures, readFixtureJson } from "@/lib/testing/fixtures";
import { firstLines, shellArgumentOf, tokenizeShell, type ShellToken } from "./shell-tokens";

const joined = (tokens: ShellToken[]) => tokens.map((t) => t.text).join("");
const ofType = (tokens: ShellToken[], type: ShellToken["type"]) => tokens.filter((t) => t.type === type).map((t) => t.text);

describe("tokenizeShell", () => {
  it("colours commands, flags, strings, variables and operators", () => {
    const tokens = tokenizeShell(`cd /testbed && grep -rn "def foo" src | head -n 5; echo $HOME`);
    expect(tokens).toEqual([
      { type: "command", text: "cd" },
      { type: "space", text: " " },
      { type: "word", text: "/testbed" },
      { type: "space", text: " " },
      { type: "operator", text: "&&" },
      { type: "space", text: " " },
      { type: "command", text: "grep" },
      { type: "space", text: " " },
      { type: "flag", text: "-rn" },
      { type: "space", text: " " },
      { type: "string", text: '"def foo"' },
      { type: "space", text: " " },
      { type: "word", text: "src" },
      { type: "space", text: " " },
      { type: "operator", text: "|" },
      { type: "space", text: " " },
      { type: "command", text: "head" },
      { type: "space", text: " " },
      { type: "flag", text: "-n" },
      { type: "space", text: " " },
      { type: "word", text: "5" },
      { type: "operator", text: ";" },
      { type: "space", text: " " },
      { type: "command", text: "echo" },
      { type: "space", text: " " },
      { type: "variable", text: "$HOME" },
    ]);
  });

  it("keeps here-document bodies as one token and ends them at their delimiter", () => {
    const command = "cat <<'EOF' > fix.py\nprint('$HOME && rm -rf /')\n# not a comment\nEOF\npython fix.py";
    const tokens = tokenizeShell(command);
    expect(joined(tokens)).toBe(command);
    expect(ofType(tokens, "heredoc")).toEqual(["print('$HOME && rm -rf /')\n# not a comment\n"]);
    expect(ofType(tokens, "command")).toEqual(["cat", "python"]);
    expect(ofType(tokens, "operator")).toEqual(["<<", ">", "EOF"]);
  });

  it("handles comments, $(…), escapes, assignments and unterminated quotes", () => {
    const tokens = tokenizeShell(`FOO=1 make test # run it\necho "$(date)" 'it''s' a\\ b "open`);
    expect(ofType(tokens, "comment")).toEqual(["# run it"]);
    expect(ofType(tokens, "variable")).toEqual(["FOO=1"]);
    expect(ofType(tokens, "command")).toEqual(["make", "echo"]);
    expect(ofType(tokens, "string")).toEqual(['"$(date)"', "'it'", "'s'", '"open']);
    expect(joined(tokens)).toBe(`FOO=1 make test # run it\necho "$(date)" 'it''s' a\\ b "open`);
  });

  it("is lossless on markup and control characters", () => {
    const hostile = `echo "<script>alert(1)</script>" > x.html\n\x1b[31m\u202Eexe.txt`;
    expect(joined(tokenizeShell(hostile))).toBe(hostile);
  });

  it.skipIf(!hasFixtures)("round-trips every command of a real trajectory", () => {
    const name = "05_mini-swe-agent-1_django__django-15731.traj.json";
    const parsed = getFormat("mini-swe-agent").parse(readFixtureJson(name), { fileName: name, location: 1 });
    if (parsed.type !== "episodes") throw new Error("expected episodes");
    const commands = parsed.episodes[0].steps.flatMap((s) => s.parts).flatMap((p) => (p.type === "tool_call" ? [String(p.arguments.command)] : []));
    expect(commands.length).toBeGreaterThan(20);
    for (const command of commands) expect(joined(tokenizeShell(command))).toBe(command);
    const heredoc = tokenizeShell(commands.find((c) => c.startsWith("cat <<'EOF' > reproduce_issue.py"))!);
    expect(ofType(heredoc, "heredoc")[0]).toContain("import inspect");
  });
});

describe("shellArgumentOf", () => {
  it("finds the command of shell tools and of SWE-agent 0.x commands named by their first word", () => {
    expect(shellArgumentOf("bash", { command: "ls" })).toBe("command");
    expect(shellArgumentOf("execute_bash", { command: "ls", is_input: "false" })).toBe("command");
    expect(shellArgumentOf("open", { command: "open foo.py 10" })).toBe("command");
    expect(shellArgumentOf("str_replace_editor", { command: "view", path: "/x" })).toBeNull();
    expect(shellArgumentOf("execute_ipython_cell", { code: "print(1)" })).toBeNull();
  });
});

describe("firstLines", () => {
  it("keeps the first lines, cutting inside a here-document, and counts the rest", () => {
    const command = "cat <<'EOF' > a.py\nline1\nline2\nline3\nEOF\necho done";
    const { tokens, hiddenLines } = firstLines(tokenizeShell(command), 3);
    expect(joined(tokens)).toBe("cat <<'EOF' > a.py\nline1\nline2");
    expect(hiddenLines).toBe(3);
    expect(firstLines(tokenizeShell("ls"), 3)).toEqual({ tokens: tokenizeShell("ls"), hiddenLines: 0 });
  });
});
