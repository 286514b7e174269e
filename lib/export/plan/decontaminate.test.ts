import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { InvalidInputError } from "@/lib/errors";
import { buildDecontaminator } from "./decontaminate";
import { parseListText, readListFile, resolveDecontaminationLists } from "./decontamination-file";

const none = { swebench: false, instanceIds: [], repos: [], lists: [] };

describe("buildDecontaminator", () => {
  it("catches the SWE-bench repositories by repo or by a SWE-bench style instance id, case-insensitively", () => {
    const d = buildDecontaminator({ ...none, swebench: true }, []);
    expect(d.match({ instanceId: null, repo: "Django/Django" })).toBe("swebench");
    expect(d.match({ instanceId: "scikit-learn__scikit-learn-14092", repo: null })).toBe("swebench");
    expect(d.match({ instanceId: "pylint-dev__pylint-7080", repo: null })).toBe("swebench");
    expect(d.match({ instanceId: "pallets__click-2840", repo: "pallets/click" })).toBeNull();
    expect(buildDecontaminator(none, []).match({ instanceId: null, repo: "django/django" })).toBeNull();
  });

  it("matches instanceIds on the id, repos on the repo, named lists on either", () => {
    const d = buildDecontaminator({ ...none, instanceIds: ["Acme__Widget-1"], repos: ["acme/gadget"] }, [{ name: "heldout", entries: ["ACME/tool", "x__y-9"] }]);
    expect(d.match({ instanceId: "acme__widget-1", repo: "acme/other" })).toBe("instanceIds");
    expect(d.match({ instanceId: "acme/gadget", repo: null })).toBeNull();
    expect(d.match({ instanceId: "z", repo: "Acme/Gadget" })).toBe("repos");
    expect(d.match({ instanceId: null, repo: "acme/tool" })).toBe("heldout");
    expect(d.match({ instanceId: "X__Y-9", repo: "a/b" })).toBe("heldout");
    expect(d.match({ instanceId: null, repo: null })).toBeNull();
  });

  it("counts an episode on several lists for the first in order: swebench, instanceIds, repos, named lists", () => {
    const d = buildDecontaminator({ swebench: true, instanceIds: ["django__django-1"], repos: ["django/django"], lists: [] }, [
      { name: "b", entries: ["acme/x"] },
      { name: "a", entries: ["acme/x"] },
    ]);
    expect(d.names).toEqual(["swebench", "instanceIds", "repos", "b", "a"]);
    expect(d.match({ instanceId: "django__django-1", repo: "django/django" })).toBe("swebench");
    expect(d.match({ instanceId: "acme__x-1", repo: "acme/x" })).toBe("b");
  });

  it("refuses two lists with one name (their counts would merge)", () => {
    expect(() => buildDecontaminator(none, [{ name: "repos", entries: [] }])).toThrow(/"repos" is used twice/);
    expect(() => buildDecontaminator(none, [{ name: "x", entries: [] }, { name: "x", entries: [] }])).toThrow(InvalidInputError);
  });
});

describe("decontamination list files", () => {
  it("reads one entry per line, skipping comments and blank lines", () => {
    expect(parseListText("\uFEFF# held-out set\n\nacme/tool\r\n  x__y-9   # trailing note\n#\n", "held.txt")).toEqual(["acme/tool", "x__y-9"]);
  });

  it("names the file and line of bad content without echoing it", () => {
    expect(() => parseListText("ok/repo\n\nsecret words here\n", "/tmp/l.txt")).toThrow("/tmp/l.txt:3: expected one instance id or owner/name per line, but it holds more than one word.");
    expect(() => parseListText(`${"a".repeat(501)}\n`, "l.txt")).toThrow(/^l\.txt:1: .*longer than 500/);
    expect(() => parseListText("a\u0000b", "bin")).toThrow(/bin:1: .*control characters/);
  });

  it("reads a file from disk, says clearly when it is missing, and merges entries with the file", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "atelier-decon-"));
    try {
      const file = path.join(dir, "list.txt");
      fs.writeFileSync(file, "acme/tool\nfoo__bar-1\n");
      expect(readListFile(file)).toEqual(["acme/tool", "foo__bar-1"]);
      expect(() => readListFile(path.join(dir, "missing.txt"))).toThrow(`Cannot read the decontamination list ${path.join(dir, "missing.txt")}: no such file.`);
      expect(resolveDecontaminationLists([{ name: "l", entries: ["a/b"], file }])).toEqual([{ name: "l", entries: ["a/b", "acme/tool", "foo__bar-1"] }]);
      expect(resolveDecontaminationLists([{ name: "only", entries: ["c/d"] }])).toEqual([{ name: "only", entries: ["c/d"] }]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
