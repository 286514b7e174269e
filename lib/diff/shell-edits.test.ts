import { describe, expect, it } from "vitest";
import { normalizePath, shellChanges } from "./shell-edits";

describe("file changes named by shell commands", () => {
  it("here-documents: quoted or not, before or after the redirection, <<- strips tabs, >> appends", () => {
    expect(shellChanges("cat <<'EOF' > a.py\nx = 1\n  y = $HOME\nEOF\npython a.py")).toEqual([{ kind: "write", path: "a.py", text: "x = 1\n  y = $HOME\n" }]);
    expect(shellChanges('cat > "dir/b c.txt" << "END"\nhello\nEND')).toEqual([{ kind: "write", path: "dir/b c.txt", text: "hello\n" }]);
    expect(shellChanges("cat <<-EOF >> log.txt\n\tindented\n\tEOF\n")).toEqual([{ kind: "append", path: "log.txt", text: "indented\n" }]);
    expect(shellChanges("cat <<EOF > t.sh\necho $X\nEOF")).toEqual([{ kind: "opaque", path: "t.sh", inPlace: false, why: "output of `cat` redirected into it" }]);
    expect(shellChanges("mkdir -p app && cat <<'EOF' > app/models.py\nclass A: pass\nEOF\n")).toEqual([{ kind: "write", path: "app/models.py", text: "class A: pass\n" }]);
  });

  it("echo writes literally unless it would expand or interpret escapes; tee with a here-document", () => {
    expect(shellChanges("echo 'int main() { return 0; }' > /workspace/test.c")).toEqual([{ kind: "write", path: "/workspace/test.c", text: "int main() { return 0; }\n" }]);
    expect(shellChanges('echo -n "a b" >> f')).toEqual([{ kind: "append", path: "f", text: "a b" }]);
    expect(shellChanges('echo "$PATH" > f')[0]).toMatchObject({ kind: "opaque" });
    expect(shellChanges("echo -e 'a\\nb' > f")[0]).toMatchObject({ kind: "opaque" });
    expect(shellChanges("tee -a notes.md <<'EOF'\nline\nEOF")).toEqual([{ kind: "append", path: "notes.md", text: "line\n" }]);
  });

  it("in-place editors, scripts and program output are changes whose content is unknown", () => {
    const real = "sed -i '1093d' django/forms/models.py && sed -i '1092i\\        if instance: print(1)' django/forms/models.py";
    expect(shellChanges(real)).toEqual([
      { kind: "opaque", path: "django/forms/models.py", inPlace: true, why: "edited in place by `sed`" },
      { kind: "opaque", path: "django/forms/models.py", inPlace: true, why: "edited in place by `sed`" },
    ]);
    expect(shellChanges("sed -i.bak -e 's/a/b/' -e 's/c/d/' x.py y.py").map((c) => c.path)).toEqual(["x.py", "y.py"]);
    expect(shellChanges("sed -n '1,5p' x.py")).toEqual([]);
    expect(shellChanges("perl -pi -e 's/a/b/' z.pl").map((c) => c.path)).toEqual(["z.pl"]);
    expect(shellChanges("python3 -c \"\nlines = open('m.py').readlines()\nopen('m.py', 'w').writelines(lines[1:])\n\"")).toEqual([
      { kind: "opaque", path: "m.py", inPlace: true, why: "written by a Python one-liner" },
    ]);
    expect(shellChanges("python run.py > output.txt 2>&1")).toEqual([{ kind: "opaque", path: "output.txt", inPlace: false, why: "output of `python` redirected into it" }]);
    expect(shellChanges("git checkout -- a.py b.py").map((c) => c.path)).toEqual(["a.py", "b.py"]);
  });

  it("rm, mv, touch; cd inside the command resolves relative paths; reads are not changes", () => {
    expect(shellChanges("cd /testbed && rm -f repro.py tests/tmp.py")).toEqual([
      { kind: "delete", path: "/testbed/repro.py" },
      { kind: "delete", path: "/testbed/tests/tmp.py" },
    ]);
    expect(shellChanges("mv a.py b.py")).toEqual([{ kind: "rename", path: "a.py", newPath: "b.py" }]);
    expect(shellChanges("touch new.txt")).toEqual([{ kind: "touch", path: "new.txt" }]);
    expect(shellChanges("cat a.py | grep x > /dev/null; nl -ba b.py | sed -n '1,10p'; ls -la")).toEqual([]);
    expect(shellChanges("rm *.pyc")).toEqual([]);
  });

  it("paths normalize", () => {
    expect(normalizePath("./a/./b/../c.py")).toBe("a/c.py");
    expect(normalizePath("x.py", "/testbed/")).toBe("/testbed/x.py");
    expect(normalizePath("/abs/y", "/testbed")).toBe("/abs/y");
  });
});
