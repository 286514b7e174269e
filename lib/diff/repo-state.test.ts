import { describe, expect, it } from "vitest";
import type { NormalizedEpisode } from "@/lib/formats/episode";
import { hasFixtures } from "@/lib/testing/fixtures";
import { fixtureEpisodes, partsWithSteps } from "./fixture-episodes";
import type { Knowledge } from "./knowledge";
import { focusChange, renderKnowledge } from "./render";
import { fileAt, replayEdits, type FileHistory } from "./repo-state";
import { parseUnifiedDiff, hunkSide } from "./unified";

function replay(episode: NormalizedEpisode, withObservations = true) {
  const records = partsWithSteps(episode).filter((r) => withObservations || r.part.type !== "observation");
  return replayEdits(records, { finalPatch: episode.finalPatch });
}

function file(files: FileHistory[], suffix: string): FileHistory {
  const found = files.find((f) => f.path.endsWith(suffix));
  if (!found) throw new Error(`no history for ${suffix}: ${files.map((f) => f.path).join(", ")}`);
  return found;
}

function text(knowledge: Knowledge): string {
  if (knowledge.kind !== "full") throw new Error(`expected the whole file, got ${knowledge.kind}`);
  return knowledge.text;
}

/** The content a fixture's final patch gives an added file. */
function addedContent(patch: string | null, path: string): string {
  const added = parseUnifiedDiff(patch).find((f) => f.path === path && f.status === "added");
  if (!added) throw new Error(`${path} is not added by the patch`);
  const lines = added.hunks.flatMap((h) => hunkSide(h, "new"));
  return lines.length ? `${lines.join("\n")}\n` : "";
}

describe.skipIf(!hasFixtures)("repo state from real trajectories", () => {
  it("OpenHands str_replace_editor (12, row 5): create, str_replace, insert and six undo_edits end exactly as the submitted file", () => {
    const episode = fixtureEpisodes("12_swe-gym_openhands-sampled-trajectories_5rows.json")[4];
    // Without the tool's listings the replay must still land on the patch: edits and undo alone.
    for (const withObservations of [true, false]) {
      const script = file(replay(episode, withObservations).files, "/reproduce_error.py");
      expect(script.states.filter((s) => s.isEdit).map((s) => `${s.stepIdx}:${s.operation}`)).toEqual([
        "10:create", "16:str_replace", "20:str_replace", "24:str_replace", "26:str_replace", "30:insert", "32:str_replace",
        "46:undo_edit", "48:undo_edit", "50:undo_edit", "52:undo_edit", "54:undo_edit", "56:undo_edit", "58:str_replace",
      ]);
      expect(script.states.every((s) => s.error === undefined)).toBe(true);
      expect(text(script.states.at(-1)!.after)).toBe(addedContent(episode.finalPatch, "reproduce_error.py"));
      expect(script.finalDisagrees).toBe(false);
    }
    const script = file(replay(episode).files, "/reproduce_error.py");
    // insert_line 5 with a new_str ending in "\n": the tool's split leaves an empty line 9 (its snippet shows it).
    const afterInsert = text(fileAt(script, 30).knowledge).split("\n");
    expect(afterInsert.slice(4, 10)).toEqual(["from monai.metrics import DiceMetric", "class DummyMetric:", "    def attach(self, engine, name):", "        pass", "", "import torch"]);
    // Six undos walk back past the insert and the four replacements to the file as created.
    expect(fileAt(script, 56).knowledge).toEqual(fileAt(script, 10).knowledge);
    expect(fileAt(script, 55).knowledge).toEqual(fileAt(script, 54).knowledge);
  });

  it("OpenHands V0 (10, row 1): a refused str_replace leaves the file; the applied one matches the tool's diff and the final patch", () => {
    const episode = fixtureEpisodes("10_openhands-v0_multi-swe-bench_output.jsonl")[0];
    const parser = file(replay(episode).files, "src/libponyc/ast/parser.c");
    expect(parser.aliases).toEqual(["src/libponyc/ast/parser.c"]);
    const refused = parser.states.find((s) => s.stepIdx === 26)!;
    expect(refused.error).toMatch(/^No replacement was performed/);
    expect(refused.after).toBe(refused.before);
    const applied = fileAt(parser, 30);
    expect(applied.states.map((s) => s.operation)).toEqual(["str_replace"]);
    const lines = renderKnowledge(applied.knowledge).split("\n");
    const at = lines.indexOf("  AST_NODE(TK_NONE);  // Type");
    expect(lines.slice(at - 4, at + 3)).toEqual([
      "DEF(idseqsingle);",
      "  PRINT_INLINE();",
      "  AST_NODE(TK_LET);",
      '  TOKEN("variable name", TK_ID);',
      "  AST_NODE(TK_NONE);  // Type",
      "  SET_FLAG(AST_FLAG_IN_PARENS);",
      "  DONE();",
    ]);
    // The earlier listings are anchored: line 696 of the file is the new line, as the tool's diff says.
    if (applied.knowledge.kind !== "partial") throw new Error("parser.c is only partly shown");
    const block = applied.knowledge.blocks.find((b) => b.startLine <= 696 && b.startLine + b.lines.length > 696)!;
    expect(block.lines[696 - block.startLine]).toBe("  SET_FLAG(AST_FLAG_IN_PARENS);");
    expect(applied.previous.kind === "partial" && applied.previous.blocks.some((b) => b.lines[696 - b.startLine] === "  DONE();")).toBe(true);
    expect(parser.finalDisagrees).toBe(false);
  });

  it("SWE-agent 1.x (03): create, a str_replace inside a viewed region, files removed by rm", () => {
    const episode = fixtureEpisodes("03_swe-agent-v1.0.1_pandas-dev__pandas.95280573.pr_53856.traj")[0];
    const { files } = replay(episode);
    const sql = file(files, "/testbed/pandas/io/sql.py");
    const edit = sql.states.find((s) => s.operation === "str_replace")!;
    expect(edit.stepIdx).toBe(22);
    expect(edit.note).toBeUndefined();
    const before = renderKnowledge(edit.before);
    const after = renderKnowledge(edit.after);
    expect(before).toContain('                if isinstance(ser._values, ArrowExtensionArray):\n                    with warnings.catch_warnings():');
    expect(after).toContain("                import pyarrow as pa\n");
    expect(after).toContain("                elif isinstance(ser._values, ArrowExtensionArray):\n                    with warnings.catch_warnings():");
    expect(after.split("\n").length - before.split("\n").length).toBe(3);
    const script = file(files, "/testbed/reproduce_error.py");
    expect(script.states.map((s) => `${s.stepIdx}:${s.operation}`)).toEqual(["14:create", "32:delete"]);
    expect(text(fileAt(script, 20).knowledge)).toContain('engine = sa.create_engine("duckdb:///:memory:")');
    expect(fileAt(script, 32).knowledge).toEqual({ kind: "absent" });
  });

  it("OpenHands create answered by the tool's own diff (11): one state, the created text", () => {
    const [episode] = fixtureEpisodes("11_openhands-v0_event-stream_basic.json");
    const [game] = replay(episode).files;
    expect(game.path).toBe("/workspace/game_2048.py");
    expect(game.states.map((s) => `${s.stepIdx}:${s.operation}`)).toEqual(["1:create"]);
    const created = episode.steps[1].parts.find((p) => p.type === "file_edit");
    expect(text(game.states[0].after)).toBe(created?.type === "file_edit" ? created.newText : null);
    expect(game.states[0].before).toEqual({ kind: "partial", blocks: [], loose: [] });
  });

  it("mini-swe-agent (05), shell only: here-documents replay, sed and python rewrites are marked unknown, the final patch frames the rest", () => {
    const episode = fixtureEpisodes("05_mini-swe-agent-1_django__django-15731.traj.json")[0];
    const { files } = replay(episode);
    const script = file(files, "reproduce_issue.py");
    expect(script.states.map((s) => `${s.stepIdx}:${s.operation}`)).toEqual(["4:write", "24:append", "32:append", "36:delete"]);
    expect(text(fileAt(script, 32).knowledge).split("\n").slice(-4)).toEqual([
      'print(f"Signature of Person.objects.bulk_create: {inspect.signature(Person.objects.bulk_create)}")',
      'print(f"Signature of Person.objects.filter: {inspect.signature(Person.objects.filter)}")',
      'print(f"Signature of Person.objects.in_bulk: {inspect.signature(Person.objects.in_bulk)}")',
      "",
    ]);
    const manager = file(files, "django/db/models/manager.py");
    // Base lines from the patch's old side; then changes no command text lets us replay.
    expect(renderKnowledge(manager.initial).split("\n").slice(0, 4)).toEqual(["import copy", "import inspect", "from importlib import import_module", "⋯ lines 4–80: not shown in the trajectory ⋯"]);
    expect(manager.states.map((s) => [s.stepIdx, s.operation, s.after])).toEqual([
      [12, "shell", { kind: "partial", blocks: [], loose: [] }],
      [18, "shell", { kind: "partial", blocks: [], loose: [] }],
    ]);
    expect(manager.states[0].note).toContain("edited in place by `sed`");
    expect(manager.states[1].note).toContain("Python one-liner");
    expect(renderKnowledge(fileAt(manager, 200, true).knowledge)).toContain("            @functools.wraps(method)\n");
    // The appended test class lands in the region the final patch shows, not as a loose fragment.
    const tests = file(files, "tests/managers_regress/tests.py");
    expect(tests.final?.kind === "partial" && tests.final.loose).toEqual([]);
  });

  it("SWE-agent 0.x (01): open, edit line ranges of the open file (three refused for syntax errors), create and rm", () => {
    const [episode] = fixtureEpisodes("01_swe-agent-v0_pydicom__pydicom-1458.traj");
    const { files } = replay(episode);
    const handler = file(files, "/pydicom__pydicom/pydicom/pixel_data_handlers/numpy_handler.py");
    expect(handler.states.map((s) => [s.stepIdx, s.operation, s.error?.slice(0, 55) ?? null])).toEqual([
      [11, "open", null],
      [13, "edit", "The edit was refused: it introduced a syntax error (E99"],
      [15, "edit", "The edit was refused: it introduced a syntax error (E99"],
      [17, "edit", "The edit was refused: it introduced a syntax error (E99"],
      [19, "edit", null],
    ]);
    // Every line the final patch shows after the change is where the replay put it.
    const after = handler.states[4].after;
    if (after.kind !== "partial") throw new Error("numpy_handler.py is only partly shown");
    const lineAt = (n: number) => {
      const block = after.blocks.find((b) => b.startLine <= n && n < b.startLine + b.lines.length);
      return block?.lines[n - block.startLine];
    };
    const [patched] = parseUnifiedDiff(episode.finalPatch);
    const newSide = hunkSide(patched.hunks[0], "new");
    expect(newSide.map((_, i) => lineAt(patched.hunks[0].newStart + i))).toEqual(newSide);
    expect(lineAt(290)).toBe("    if 'PixelData' in ds:");
    // The window printed after the edit also shows the lines around it as they were before, so the change is in focus.
    const focused = focusChange(renderKnowledge(handler.states[4].before), renderKnowledge(after), 3);
    expect(focused.original.split("\n").slice(0, 6)).toEqual([
      "⋯ 49 unchanged lines above ⋯", // the marker for lines 1–236, then lines 237–284
      "        )",
      "",
      "    required_elements = [",
      "        'BitsAllocated', 'Rows', 'Columns', 'PixelRepresentation',",
      "        'SamplesPerPixel', 'PhotometricInterpretation'",
    ]);
    expect(focused.modified.split("\n")).toContain("    if 'PixelData' in ds:");

    const script = file(files, "/pydicom__pydicom/reproduce_bug.py");
    expect(script.states.map((s) => `${s.stepIdx}:${s.operation}`)).toEqual(["3:create", "5:edit", "23:delete"]);
    expect(text(script.states[0].after)).toBe("\n");
    const written = text(script.states[1].after);
    expect(written.split("\n")).toHaveLength(19);
    expect(written.endsWith('print("Script completed successfully, no errors. Result:", result)\n')).toBe(true);
  });

  it("every fixture replays without contradicting its final patch where the replay knows the whole file", () => {
    const names = [
      "01_swe-agent-v0_pydicom__pydicom-1458.traj",
      "03_swe-agent-v1.0.1_pandas-dev__pandas.95280573.pr_53856.traj",
      "05_mini-swe-agent-1_django__django-15731.traj.json",
      "07_mini-swe-agent-1_django__django-16950.traj.json",
      "09_mini-swe-agent-1_psf__requests-1142_HUGE.traj.json",
      "10_openhands-v0_multi-swe-bench_output.jsonl",
      "12_swe-gym_openhands-sampled-trajectories_5rows.json",
    ];
    let checked = 0;
    for (const name of names)
      for (const episode of fixtureEpisodes(name)) {
        for (const history of replay(episode).files) {
          expect(history.finalDisagrees, `${name} ${history.path}`).toBe(false);
          if (history.final && history.states.at(-1)?.after.kind === "full") checked++;
        }
      }
    expect(checked).toBeGreaterThanOrEqual(6);
  });
});
