import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { fixturePath } from "../lib/testing/fixtures";
import { signIn } from "./support";

/**
 * The diff views on real trajectories: an OpenHands run (str_replace_editor with create,
 * str_replace, insert and undo_edit), an OpenHands V0 run given a gold and a test patch, and a
 * shell-only mini-swe-agent run. Each test imports its own uniquely named copy through the API.
 */

const openHandsRows = "12_swe-gym_openhands-sampled-trajectories_5rows.json";
const ponycRows = "10_openhands-v0_multi-swe-bench_output.jsonl";
const miniSweAgent = "05_mini-swe-agent-1_django__django-15731.traj.json";
const hugeRun = "09_mini-swe-agent-1_psf__requests-1142_HUGE.traj.json";
const sweAgentV0 = "01_swe-agent-v0_pydicom__pydicom-1458.traj";
const workspace = "/workspace/Project-MONAI__MONAI__0.8";

const goldPatch = `diff --git a/src/libponyc/ast/parser.c b/src/libponyc/ast/parser.c
--- a/src/libponyc/ast/parser.c
+++ b/src/libponyc/ast/parser.c
@@ -691,6 +691,7 @@
 DEF(idseqsingle);
   PRINT_INLINE();
   AST_NODE(TK_LET);
   TOKEN("variable name", TK_ID);
+  SET_FLAG(AST_FLAG_IN_DECL);
   AST_NODE(TK_NONE);  // Type
   DONE();
diff --git a/src/libponyc/expr/match.c b/src/libponyc/expr/match.c
--- a/src/libponyc/expr/match.c
+++ b/src/libponyc/expr/match.c
@@ -10,2 +10,3 @@
 static int a;
+static int b;
 static int c;
`;

const testPatch = `diff --git a/test/libponyc/match.cc b/test/libponyc/match.cc
new file mode 100644
--- /dev/null
+++ b/test/libponyc/match.cc
@@ -0,0 +1,2 @@
+#include <gtest/gtest.h>
+TEST(MatchTest, SingleElementTuple) {}
`;

function readFixture(name: string): string {
  return fs.readFileSync(fixturePath(name), "utf8");
}

/** Imports one file through the API as the signed-in admin; returns the id of the episode with `instanceId`. */
async function importEpisode(page: Page, name: string, body: string, instanceId: string): Promise<number> {
  const response = await page.request.post("/api/imports", { multipart: { file: { name, mimeType: "application/json", buffer: Buffer.from(body) } } });
  expect(response.status()).toBe(202);
  const { batchId, url } = await response.json();
  await expect.poll(async () => (await (await page.request.get(url)).json()).status).toBe("committed");
  const list = await (await page.request.get(`/api/episodes?batch=${batchId}&limit=10`)).json();
  const episode = list.items.find((item: { instanceId: string | null }) => item.instanceId === instanceId);
  expect(episode, `episode ${instanceId} in batch ${batchId}`).toBeTruthy();
  return episode.id;
}

/** The OpenHands run with undo_edit (fixture 12, row 5) under a fresh instance id. */
async function importOpenHands(page: Page): Promise<{ id: number; createdText: string }> {
  const rows = JSON.parse(readFixture(openHandsRows));
  const row = rows[4];
  row.instance_id = `diff-e2e-${randomBytes(4).toString("hex")}_4`;
  const create = row.messages
    .flatMap((m: { tool_calls?: { function: { arguments: string } }[] }) => m.tool_calls ?? [])
    .map((c: { function: { arguments: string } }) => JSON.parse(c.function.arguments))
    .find((args: { command: string }) => args.command === "create");
  return { id: await importEpisode(page, "diff-openhands.json", JSON.stringify([row]), row.instance_id), createdText: create.file_text };
}

/** The lines Monaco shows, top to bottom: one positioned element per line, spaces as non-breaking spaces. */
async function editorLines(editor: Locator): Promise<string[]> {
  const lines = await editor.locator(".view-lines").first().evaluate((root) =>
    [...root.querySelectorAll<HTMLElement>(".view-line")].map((line) => ({ top: parseFloat(line.style.top), text: line.textContent ?? "" })),
  );
  return lines.sort((a, b) => a.top - b.top).map((line) => line.text.replace(/\u00a0/g, " "));
}

test("the final patch: file list with counts, side by side or inline, agent vs gold, and the test patch", async ({ page }) => {
  await signIn(page, "admin");
  const [row] = readFixture(ponycRows).split("\n");
  const record = JSON.parse(row);
  record.instance_id = `ponylang__ponyc-diff-${randomBytes(4).toString("hex")}`;
  record.instance = { ...record.instance, instance_id: record.instance_id, fix_patch: goldPatch, test_patch: testPatch };
  const id = await importEpisode(page, "diff-ponyc.jsonl", JSON.stringify(record), record.instance_id);

  await page.goto(`/episodes/${id}?tab=patch`);
  const patch = page.getByRole("region", { name: "Patch" });
  const files = patch.getByRole("list", { name: "Files in the final patch" });
  await expect(files.getByRole("listitem")).toHaveCount(1);
  await expect(files.getByRole("listitem")).toContainText("src/libponyc/ast/parser.c");
  await expect(files.getByRole("listitem")).toContainText("+1");
  await expect(files.getByRole("listitem")).toContainText("−0");
  await expect(patch.getByText("1 file changed, +1 −0")).toBeVisible();

  const diff = patch.getByRole("region", { name: "Diff of src/libponyc/ast/parser.c" });
  await expect(diff.locator(".monaco-diff-editor .line-insert").first()).toBeAttached();
  await expect(diff.locator(".editor.modified")).toContainText("SET_FLAG(AST_FLAG_IN_PARENS);");
  await expect(diff.locator(".monaco-diff-editor")).toHaveClass(/side-by-side/);
  await patch.getByRole("button", { name: "Inline" }).click();
  await expect(patch.getByRole("button", { name: "Inline" })).toHaveAttribute("aria-pressed", "true");
  await expect(diff.locator(".monaco-diff-editor")).not.toHaveClass(/side-by-side/);
  await expect(diff.locator(".line-insert").first()).toBeAttached();
  await patch.getByRole("button", { name: "Side by side" }).click();
  await expect(diff.locator(".monaco-diff-editor")).toHaveClass(/side-by-side/);

  await patch.getByRole("tab", { name: "Agent vs gold" }).click();
  const pairs = patch.getByRole("list", { name: "Files in either patch" });
  await expect(pairs.getByRole("listitem")).toHaveCount(2);
  await expect(pairs.getByRole("listitem").nth(0)).toContainText("src/libponyc/ast/parser.c");
  await expect(pairs.getByRole("listitem").nth(0)).toContainText("both");
  await expect(pairs.getByRole("listitem").nth(0)).toContainText("differs");
  await expect(pairs.getByRole("listitem").nth(1)).toContainText("src/libponyc/expr/match.c");
  await expect(pairs.getByRole("listitem").nth(1)).toContainText("gold");
  const compared = patch.getByRole("region", { name: "Diff of src/libponyc/ast/parser.c" });
  await expect(compared).toContainText("left: agent's result · right: gold's result");
  await expect(compared.locator(".editor.original")).toContainText("SET_FLAG(AST_FLAG_IN_PARENS);");
  await expect(compared.locator(".editor.modified")).toContainText("SET_FLAG(AST_FLAG_IN_DECL);");
  await expect(compared.locator(".line-insert").first()).toBeAttached();
  await expect(compared.locator(".line-delete").first()).toBeAttached();

  await pairs.getByRole("button", { name: /match\.c/ }).click();
  const matchDiff = patch.getByRole("region", { name: "Diff of src/libponyc/expr/match.c" });
  await expect(matchDiff.locator(".editor.modified")).toContainText("static int b;");
  await expect(matchDiff.locator(".editor.original")).not.toContainText("static int b;");

  await patch.getByRole("tab", { name: "Test patch" }).click();
  const testFiles = patch.getByRole("list", { name: "Files in the test patch" });
  await expect(testFiles.getByRole("listitem")).toHaveCount(1);
  await expect(testFiles.getByRole("listitem")).toContainText("test/libponyc/match.cc");
  await expect(testFiles.getByRole("listitem")).toContainText("+2");
});

test("the 868 KB patch of 66 files: the one source change listed before 65 build artefacts", async ({ page }) => {
  await signIn(page, "admin");
  const record = JSON.parse(readFixture(hugeRun));
  record.instance_id = `psf__requests-diff-${randomBytes(4).toString("hex")}`;
  const id = await importEpisode(page, "diff-huge.traj.json", JSON.stringify(record), record.instance_id);
  await page.goto(`/episodes/${id}?tab=patch`);
  const patch = page.getByRole("region", { name: "Patch" });
  await expect(patch.getByText(/^66 files changed, \+\d+ −\d+, 65 of them build artefacts or caches \(listed last\)$/)).toBeVisible();
  const files = patch.getByRole("list", { name: "Files in the final patch" }).getByRole("listitem");
  await expect(files).toHaveCount(66);
  await expect(files.first()).toContainText("requests/models.py");
  await expect(files.nth(1)).toContainText("build/lib/requests/__init__.py");
  await expect(files.nth(1)).toContainText("artefact");
  const diff = patch.getByRole("region", { name: "Diff of requests/models.py" });
  await expect(diff.locator(".line-insert").first()).toBeAttached();
  await files.getByRole("button", { name: /build\/lib\/requests\/cacert\.pem/ }).click();
  await expect(patch.getByRole("region", { name: "Diff of build/lib/requests/cacert.pem" }).locator(".editor.modified")).toContainText("ca-bundle.crt -- Bundle of CA Root Certificates");
});

test("edit steps show the edit, or the whole file once the episode's edits are replayed", async ({ page }) => {
  await signIn(page, "admin");
  const { id } = await importOpenHands(page);
  const script = `${workspace}/reproduce_error.py`;

  await page.goto(`/episodes/${id}#step-16`);
  const replaced = page.locator("#step-16").getByRole("region", { name: `Diff of ${script}` });
  await expect(replaced).toContainText("The change in the whole file, with 5 lines around it, before and after this step — whole file known");
  await expect(replaced.locator(".line-delete").first()).toBeAttached();
  await expect(replaced.locator(".line-insert").first()).toBeAttached();
  await expect(replaced.locator(".editor.original")).toContainText("network=torch.nn.Identity(),");
  await expect(replaced.locator(".editor.modified")).toContainText("device=torch.device('cpu'),");
  await expect(replaced.locator(".editor.original")).not.toContainText("from monai.engines import Evaluator");
  await replaced.getByRole("button", { name: "Whole file" }).click();
  await expect(replaced).toContainText("The whole file, before and after this step — whole file known");
  await expect(replaced.locator(".editor.original")).toContainText("from monai.engines import Evaluator");
  await replaced.getByRole("button", { name: "Edit only" }).click();
  await expect(replaced).toContainText("Replaced text (its first occurrence in the file)");
  await expect(replaced.locator(".editor.original")).not.toContainText("from monai.engines import Evaluator");

  // evaluator.py is only ever seen in pieces: the edit first, every region the trajectory shows on demand.
  await page.goto(`/episodes/${id}#step-36`);
  const partial = page.locator("#step-36").getByRole("region", { name: `Diff of ${workspace}/monai/engines/evaluator.py` });
  await expect(partial).toContainText("The change in every region of the file the trajectory shows, with 5 lines around it");
  await expect(partial.locator(".editor.modified")).toContainText('elif mode == ForwardMode.TRAIN or mode == "train":');
  await partial.getByRole("button", { name: "Edit only" }).click();
  await expect(partial).toContainText("Replaced text");
  await expect(partial.locator(".char-insert, .line-insert").first()).toBeAttached();
  await partial.getByRole("button", { name: "Known regions" }).click();
  await expect(partial).toContainText("Every region of the file the trajectory shows, before and after this step");
  await expect(partial.locator(".editor.modified")).toContainText("not shown in the trajectory");
});

test("a refused str_replace is marked on its step", async ({ page }) => {
  await signIn(page, "admin");
  const [row] = readFixture(ponycRows).split("\n");
  const record = JSON.parse(row);
  record.instance_id = `ponylang__ponyc-refused-${randomBytes(4).toString("hex")}`;
  const id = await importEpisode(page, "diff-refused.jsonl", JSON.stringify(record), record.instance_id);
  await page.goto(`/episodes/${id}#step-26`);
  const refused = page.locator("#step-26").getByRole("region", { name: /^Diff of .*parser\.c$/ });
  await expect(refused.getByRole("note")).toContainText("Not applied: No replacement was performed");
});

test("the scrubber shows a file as of any step, steps through its edits with [ and ], and diffs each change", async ({ page }) => {
  await signIn(page, "admin");
  const { id, createdText } = await importOpenHands(page);
  const script = `${workspace}/reproduce_error.py`;

  await page.goto(`/episodes/${id}?tab=files`);
  const scrubber = page.getByRole("region", { name: "Files over time" });
  await expect(scrubber.getByLabel("File")).toHaveValue(script);
  const stops = scrubber.getByRole("list", { name: `Steps that touched ${script}` });
  await expect(stops.getByRole("button")).toHaveText([
    "Step 10 · create", "Step 16 · str_replace", "Step 20 · str_replace", "Step 24 · str_replace", "Step 26 · str_replace", "Step 30 · insert",
    "Step 32 · str_replace", "Step 44 · view", "Step 46 · undo_edit", "Step 48 · undo_edit", "Step 50 · undo_edit", "Step 52 · undo_edit",
    "Step 54 · undo_edit", "Step 56 · undo_edit", "Step 58 · str_replace", "Final patch",
  ]);

  const content = scrubber.locator(".monaco-editor").first();
  await stops.getByRole("button", { name: "Step 30 · insert" }).click();
  await expect(scrubber.getByRole("heading", { name: `${script} as of step 30 of 60` })).toBeVisible();
  // insert_line 5 with text ending in a newline: the tool's own snippet shows an empty line 9.
  await expect.poll(async () => (await editorLines(content)).slice(3, 10)).toEqual([
    "from monai.transforms import Compose, EnsureType, ToTensor",
    "from monai.metrics import DiceMetric",
    "class DummyMetric:",
    "    def attach(self, engine, name):",
    "        pass",
    "",
    "import torch",
  ]);
  await expect(scrubber.getByRole("heading", { name: "Change at step 30" })).toBeVisible();
  await expect(scrubber.locator(".monaco-diff-editor .line-insert").first()).toBeAttached();

  await page.keyboard.press("[");
  await expect(scrubber.getByRole("heading", { name: `${script} as of step 26 of 60` })).toBeVisible();
  await page.keyboard.press("]");
  await page.keyboard.press("]");
  await expect(scrubber.getByRole("heading", { name: `${script} as of step 32 of 60` })).toBeVisible();

  // Six undo_edits take the file back to what step 10 created.
  await stops.getByRole("button", { name: "Step 56 · undo_edit" }).click();
  await expect(scrubber.getByRole("heading", { name: `${script} as of step 56 of 60` })).toBeVisible();
  await expect.poll(async () => (await editorLines(content)).slice(0, 12)).toEqual(createdText.split("\n").slice(0, 12));

  // A step between edits shows the content as of the last change; the slider reaches any step.
  const slider = scrubber.getByRole("slider");
  await slider.focus();
  await page.keyboard.press("Home");
  await expect(scrubber.getByRole("heading", { name: `${script} as of step 0 of 60` })).toBeVisible();
  await expect(scrubber.getByText("The file does not exist at this point.")).toBeVisible();
  await page.keyboard.press("End");
  await expect(scrubber.getByText("Step: after the last step (the final patch)")).toBeVisible();

  await scrubber.getByLabel("File").selectOption(`${workspace}/monai/engines/evaluator.py`);
  await scrubber.getByRole("button", { name: "Step 38 · str_replace" }).click();
  await expect(scrubber.getByText(/^Partly known: \d+ lines known in 2 regions; lines marked ⋯ never appear in the trajectory\./)).toBeVisible();
  await expect(content.locator(".view-lines")).toContainText('if mode == ForwardMode.EVAL or mode == "eval":');
  await expect(content.locator(".view-lines")).toContainText("not shown in the trajectory");
});

test("a shell-only run: here-documents replay, sed edits are marked as unknown content", async ({ page }) => {
  await signIn(page, "admin");
  const record = JSON.parse(readFixture(miniSweAgent));
  record.instance_id = `django__django-diff-${randomBytes(4).toString("hex")}`;
  const id = await importEpisode(page, "diff-mini.traj.json", JSON.stringify(record), record.instance_id);

  await page.goto(`/episodes/${id}?tab=files`);
  const scrubber = page.getByRole("region", { name: "Files over time" });
  await scrubber.getByLabel("File").selectOption("reproduce_issue.py");
  await scrubber.getByRole("button", { name: "Step 24 · append" }).click();
  const content = scrubber.locator(".monaco-editor").first();
  await expect(content.locator(".view-lines")).toContainText('print(f"Signature of Person.objects.filter: {inspect.signature(Person.objects.filter)}")');

  await scrubber.getByLabel("File").selectOption("django/db/models/manager.py");
  await scrubber.getByRole("button", { name: "Step 12 · shell" }).click();
  await expect(scrubber.getByText("edited in place by `sed`")).toBeVisible();
  await expect(scrubber.getByText("The trajectory shows none of this file's content at this point.")).toBeVisible();
  await scrubber.getByRole("button", { name: "Final patch" }).click();
  await expect(content.locator(".view-lines")).toContainText("@functools.wraps(method)");
});

test("a SWE-agent 0.x run: edits of the open file replay through the windows it printed, refused edits marked", async ({ page }) => {
  await signIn(page, "admin");
  const record = JSON.parse(readFixture(sweAgentV0));
  record.e2e_run = randomBytes(4).toString("hex"); // an unknown field: a new record, parsed the same
  const body = JSON.stringify(record);
  const response = await page.request.post("/api/imports", { multipart: { file: { name: "pydicom__pydicom-1458.traj", mimeType: "application/json", buffer: Buffer.from(body) } } });
  expect(response.status()).toBe(202);
  const { batchId, url } = await response.json();
  await expect.poll(async () => (await (await page.request.get(url)).json()).status).toBe("committed");
  const [episode] = (await (await page.request.get(`/api/episodes?batch=${batchId}&limit=10`)).json()).items;

  await page.goto(`/episodes/${episode.id}?tab=files`);
  const scrubber = page.getByRole("region", { name: "Files over time" });
  await scrubber.getByLabel("File").selectOption("/pydicom__pydicom/pydicom/pixel_data_handlers/numpy_handler.py");
  const stops = scrubber.getByRole("list", { name: /^Steps that touched .*numpy_handler\.py$/ });
  await expect(stops.getByRole("button")).toHaveText(["Step 11 · open", "Step 13 · edit (refused)", "Step 15 · edit (refused)", "Step 17 · edit (refused)", "Step 19 · edit", "Final patch"]);
  await stops.getByRole("button", { name: "Step 13 · edit (refused)" }).click();
  await expect(scrubber.getByText(/not applied: The edit was refused: it introduced a syntax error/)).toBeVisible();
  await stops.getByRole("button", { name: "Step 19 · edit" }).click();
  const change = scrubber.locator(".monaco-diff-editor");
  await expect(change.locator(".editor.modified")).toContainText("if 'PixelData' in ds:");
  await expect(change.locator(".editor.original")).toContainText("'BitsAllocated', 'Rows', 'Columns', 'PixelRepresentation',");
  await expect(change.locator(".line-insert").first()).toBeAttached();
});
