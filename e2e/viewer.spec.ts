import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { fixturePath } from "../lib/testing/fixtures";
import { signIn } from "./support";

const run = randomBytes(4).toString("hex");
const esc = "\u001b";

/** A mini-swe-agent-1 run whose one test run prints coloured pytest output, 60 lines long. */
function colouredRun(): string {
  const lines = Array.from({ length: 56 }, (_, i) => `tests/test_mod.py::test_case_${i} ${esc}[32mPASSED${esc}[0m`);
  lines[30] = `tests/test_mod.py::test_three ${esc}[31mFAILED${esc}[0m`;
  const output = [...lines, "=========================== short test summary info ============================", "FAILED tests/test_mod.py::test_three - assert 1 == 2", `${esc}[31m========== 1 failed, 55 passed in 0.42s ==========${esc}[0m`].join("\n");
  return JSON.stringify({
    trajectory_format: "mini-swe-agent-1",
    instance_id: `viewer-${run}__coloured`,
    info: { exit_status: "Submitted", submission: "", config: { model: { model_name: `viewer-${run}/solo` } } },
    messages: [
      { role: "system", content: "You are a helpful assistant." },
      { role: "user", content: "<pr_description>Make the tests pass.</pr_description>" },
      { role: "assistant", content: "THOUGHT: Run the tests.\n\n```bash\ncd /testbed && python -m pytest tests/ -q --color=yes | tail -n 60\n```" },
      { role: "user", content: `<returncode>1</returncode>\n<output>\n${output}\n</output>` },
      { role: "assistant", content: "THOUGHT: Done.\n\n```bash\necho COMPLETE_TASK_AND_SUBMIT_FINAL_OUTPUT\n```" },
    ],
  });
}

/** Three small runs of one unique model, for n / p within a filtered list. */
function listRun(i: number): string {
  return JSON.stringify({
    trajectory_format: "mini-swe-agent-1",
    instance_id: `viewer-${run}__list-${i}`,
    info: { exit_status: "Submitted", submission: "", config: { model: { model_name: `viewer-${run}/listed` } } },
    messages: [
      { role: "user", content: `<pr_description>List member ${i}</pr_description>` },
      { role: "assistant", content: `THOUGHT: look ${i}\n\n\`\`\`bash\nls dir${i}\n\`\`\`` },
      { role: "user", content: `<returncode>0</returncode>\n<output>\nfile${i}.py\n</output>` },
    ],
  });
}

/** 1,001 steps: far windows must load on demand. */
function longRun(): string {
  const messages: unknown[] = [{ role: "user", content: "<pr_description>Long run</pr_description>" }];
  for (let p = 0; p < 500; p++) {
    messages.push({ role: "assistant", content: `THOUGHT: step ${p}\n\n\`\`\`bash\ncat part${p}.txt\n\`\`\`` });
    messages.push({ role: "user", content: `<returncode>0</returncode>\n<output>\n${`content of part ${p}\n`.repeat(20)}</output>` });
  }
  return JSON.stringify({ trajectory_format: "mini-swe-agent-1", instance_id: `viewer-${run}__long`, info: { exit_status: "Submitted", submission: "" }, messages });
}

const fixtures = {
  sweAgent: "03_swe-agent-v1.0.1_pandas-dev__pandas.95280573.pr_53856.traj",
  mini: "05_mini-swe-agent-1_django__django-15731.traj.json",
  huge: "09_mini-swe-agent-1_psf__requests-1142_HUGE.traj.json",
  openHands: "11_openhands-v0_event-stream_basic.json",
  chat: "12_swe-gym_openhands-sampled-trajectories_5rows.json",
};

async function importFile(page: Page, name: string, content: string | Buffer) {
  const response = await page.request.post("/api/imports", { multipart: { file: { name, mimeType: "application/json", buffer: Buffer.from(content) } } });
  expect(response.status()).toBe(202);
  const { url } = await response.json();
  await expect.poll(async () => (await (await page.request.get(url)).json()).status, { timeout: 60_000 }).toBe("committed");
}

/** Episode ids matching a list filter, oldest first (fixtures may already be in from another spec). */
async function episodeIds(page: Page, filter: string): Promise<number[]> {
  const response = await page.request.get(`/api/episodes?${filter}&sort=id&dir=asc&limit=100`);
  expect(response.ok()).toBe(true);
  return (await response.json()).items.map((item: { id: number }) => item.id);
}

async function episodeId(page: Page, filter: string): Promise<number> {
  const [id] = await episodeIds(page, filter);
  expect(id).toBeDefined();
  return id;
}

const step = (page: Page, idx: number) => page.locator(`#step-${idx}`);

test.beforeAll(async ({ browser }) => {
  test.setTimeout(240_000);
  const page = await browser.newPage();
  await signIn(page, "admin");
  for (const name of Object.values(fixtures)) await importFile(page, name, fs.readFileSync(fixturePath(name)));
  await importFile(page, `coloured-${run}.traj.json`, colouredRun());
  await importFile(page, `listed-${run}.jsonl`, [0, 1, 2].map(listRun).join("\n"));
  await importFile(page, `long-${run}.traj.json`, longRun());
  await page.close();
});

test.beforeEach(async ({ page }) => {
  await signIn(page, "viewer");
});

test("a SWE-agent run: header, tool calls with their arguments, and edit steps", async ({ page }) => {
  const id = await episodeId(page, "instance=pandas-dev__pandas.95280573.pr_53856");
  await page.goto(`/episodes/${id}`);
  await expect(page.getByRole("heading", { name: `Episode ${id}`, level: 1 })).toBeVisible();
  await expect(page.getByText("pandas-dev__pandas.95280573.pr_53856").first()).toBeVisible();
  await expect(page.getByRole("region", { name: "Metrics" }).getByRole("definition").first()).toHaveText("36");
  await expect(page.getByRole("region", { name: "Task" })).toContainText("to_sql fails with arrow date column");

  const call = step(page, 2);
  await expect(call.getByText("tool call", { exact: true })).toBeVisible();
  await expect(call.locator("[data-shell-command]")).toContainText('find /testbed -type f -name "*.py"');
  await expect(call.locator(".sh-command").first()).toHaveText("find");

  await page.goto(`/episodes/${id}#step-22`);
  const edit = step(page, 22);
  await expect(edit).toBeInViewport();
  await expect(edit.getByText("file edit", { exact: true })).toBeVisible();
  await expect(edit.getByLabel("Arguments of str_replace_editor").getByRole("term")).toHaveText(["path", "command", "new_str", "old_str"]);
  await expect(edit.locator("[data-part=file_edit]")).toContainText("/testbed/pandas/io/sql.py");
});

test("mini-swe-agent, OpenHands and chat rows render their steps; Django test runs show counts", async ({ page }) => {
  const mini = await episodeId(page, "instance=django__django-15731&source=mini-swe-agent");
  await page.goto(`/episodes/${mini}#step-41`);
  const testRun = step(page, 41);
  await expect(testRun).toBeInViewport();
  await expect(testRun.getByText("test run", { exact: true })).toBeVisible();
  await expect(testRun.getByRole("status", { name: "Test run" })).toContainText("django: 55 passed, 0 failed");
  await expect(step(page, 40).locator("[data-shell-command]")).toContainText("./tests/runtests.py managers_regress custom_managers");

  const openHands = await episodeId(page, "source=openhands&q=2048");
  await page.goto(`/episodes/${openHands}`);
  await expect(step(page, 0)).toContainText("Please create a simple 2048 game");
  await expect(step(page, 1).locator("[data-part=file_edit]")).toContainText("/workspace/game_2048.py");
  await expect(step(page, 3).getByText("message", { exact: true })).toBeVisible();

  const chat = await episodeId(page, "instance=python__mypy-15976");
  await page.goto(`/episodes/${chat}#step-12`);
  await expect(step(page, 12).getByLabel("Arguments of execute_bash")).toContainText("python3 /workspace/python__mypy__1.6/reproduce_error.py");
  await expect(step(page, 13).getByText("observation", { exact: true })).toBeVisible();
  await expect(step(page, 13).locator("[data-part=observation]")).toContainText("exit 0");
});

test("an observation: ANSI colours as classes, collapsed to head and tail, expand, find inside, pytest counts", async ({ page }) => {
  const id = await episodeId(page, `instance=viewer-${run}__coloured`);
  await page.goto(`/episodes/${id}`);
  const output = step(page, 3);
  await expect(output.getByRole("status", { name: "Test run" })).toContainText("pytest: 55 passed, 1 failed");
  await expect(output.locator("span.ansi-fg-green").first()).toHaveText("PASSED");
  await expect(output.locator("span.ansi-fg-red", { hasText: "========== 1 failed, 55 passed" })).toBeVisible();
  await expect(output.getByText(/\x1b|\[31m/)).toHaveCount(0);

  // 62 lines: the first 20 and last 10 show, the rest behind "expand".
  await expect(output.getByText("tests/test_mod.py::test_case_10")).toBeVisible();
  await expect(output.locator("span.ansi-fg-red", { hasText: /^FAILED$/ })).toHaveCount(0);
  const hidden = output.getByRole("button", { name: /32 more lines — expand/ });
  await expect(hidden).toBeVisible();
  await hidden.click();
  await expect(output.locator("span.ansi-fg-red", { hasText: /^FAILED$/ })).toBeVisible();
  await output.getByRole("button", { name: "Collapse output" }).click();
  await expect(output.getByRole("button", { name: /32 more lines — expand/ })).toBeVisible();

  await output.getByLabel("Find in the output of step 3").fill("test_three");
  await expect(output.getByText("1 of 2 lines")).toBeVisible();
  await expect(output.locator("mark", { hasText: "test_three" }).first()).toBeInViewport();
  await output.getByRole("button", { name: "Next match" }).click();
  await expect(output.getByText("2 of 2 lines")).toBeVisible();
});

test("a deep link opens scrolled to its step, far into a long episode, and every step has a copyable link", async ({ page, context }) => {
  const id = await episodeId(page, `instance=viewer-${run}__long`);
  await page.goto(`/episodes/${id}#step-900`);
  await expect(step(page, 900)).toBeInViewport();
  await expect(step(page, 900)).toHaveAttribute("aria-current", "step");
  await expect(step(page, 900)).toContainText("content of part 449");

  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await step(page, 900).getByRole("button", { name: "Copy link to step 900" }).click();
  await expect(step(page, 900).getByRole("button", { name: "Copy link to step 900" })).toHaveText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(new URL(`/episodes/${id}#step-900`, page.url()).href);

  // Scrolling on brings the next windows in: what is on screen is loaded, further down than before.
  const rendered = async () => Math.max(...(await page.locator("li[data-index]").evaluateAll((rows) => rows.map((r) => Number(r.getAttribute("data-index"))))));
  const before = await rendered();
  for (let i = 0; i < 5; i++) await page.mouse.wheel(0, 4000);
  await expect.poll(rendered).toBeGreaterThan(before + 20);
  await expect(page.getByText("Loading…")).toHaveCount(0);

  await page.goto(`/episodes/${id}`);
  await step(page, 2).getByRole("link", { name: "Link to step 2" }).click();
  await expect(page).toHaveURL(new RegExp(`/episodes/${id}#step-2$`));
});

test("the 2 MB episode comes in small responses; its 868 KB submission loads in full on request", async ({ page }) => {
  const sizes: number[] = [];
  page.on("response", async (response) => {
    if (response.url().includes("/steps?")) sizes.push((await response.body()).length);
  });
  const id = await episodeId(page, "instance=psf__requests-1142&source=mini-swe-agent");
  await page.goto(`/episodes/${id}`);
  await expect(step(page, 0)).toBeVisible();
  await expect(page.getByRole("region", { name: "Quality flags" })).toContainText("huge patch");

  await page.goto(`/episodes/${id}#step-143`);
  const last = step(page, 143);
  await expect(last).toBeInViewport();
  await last.getByRole("button", { name: /more lines — expand/ }).click();
  await expect(last.getByText(/characters \([\d,]+ lines\) not loaded/)).toBeVisible();
  await last.getByRole("button", { name: "Load the full step" }).first().click();
  await expect(last.getByText(/not loaded/)).toHaveCount(0);
  await expect(last.locator("[data-part=observation]")).toContainText("16,587 lines");
  expect(sizes.length).toBeGreaterThan(1);
  for (const size of sizes) expect(size).toBeLessThan(3_000_000);
});

test("keys: j / k move the focus, e expands, / searches the episode, ? lists the keys", async ({ page }) => {
  const id = await episodeId(page, "instance=django__django-15731&source=mini-swe-agent");
  await page.goto(`/episodes/${id}`);
  await expect(step(page, 0)).toBeVisible();

  await page.keyboard.press("j");
  await expect(step(page, 0)).toHaveAttribute("aria-current", "step");
  await expect(step(page, 0)).toBeFocused();
  await page.keyboard.press("j");
  await page.keyboard.press("j");
  await expect(step(page, 2)).toBeFocused();
  await expect(page).toHaveURL(/#step-2$/);
  // Presses quicker than a render (a held key): each one still moves.
  await keyBurst(page, "j", 2);
  await expect(step(page, 4)).toBeFocused();
  await keyBurst(page, "k", 2);
  await expect(step(page, 2)).toBeFocused();
  await page.keyboard.press("k");
  await expect(step(page, 1)).toBeFocused();

  await expect(step(page, 1).getByRole("button", { name: "Expand step 1" })).toHaveAttribute("aria-expanded", "false");
  await page.keyboard.press("e");
  await expect(step(page, 1).getByRole("button", { name: "Collapse step 1" })).toHaveAttribute("aria-expanded", "true");
  await expect(step(page, 1).getByRole("button", { name: /more lines — expand/ })).toHaveCount(0);
  await page.keyboard.press("e");
  await expect(step(page, 1).getByRole("button", { name: /more lines — expand/ })).toBeVisible();

  await page.keyboard.press("/");
  const search = page.getByLabel("Search this episode");
  await expect(search).toBeFocused();
  await search.fill("runtests.py");
  await search.press("Enter");
  await expect(page.getByText("Match 1 of 2 steps")).toBeVisible();
  await expect(step(page, 40)).toBeInViewport();
  await expect(step(page, 40)).toHaveAttribute("aria-current", "step");
  await expect(step(page, 40).locator("mark", { hasText: "runtests.py" }).first()).toBeVisible();
  await search.press("Enter");
  await expect(page.getByText("Match 2 of 2 steps")).toBeVisible();
  await expect(step(page, 50)).toBeInViewport();
  await search.press("Escape");
  await page.keyboard.press("j");
  await expect(step(page, 51)).toBeFocused();

  await page.keyboard.press("?");
  const keys = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(keys).toBeVisible();
  await expect(keys).toContainText("previous episode in the list");
  await page.keyboard.press("j");
  await expect(step(page, 51)).toHaveAttribute("aria-current", "step");
  await page.keyboard.press("Escape");
  await expect(keys).toBeHidden();
});

test("n / p and the links move through the list the episode was opened from", async ({ page }) => {
  const ids = await episodeIds(page, `model=viewer-${run}/listed`);
  expect(ids).toHaveLength(3);
  const list = `model=viewer-${run}/listed&sort=id&dir=asc`;
  const href = (id: number) => `/episodes/${id}?list=${encodeURIComponent(list)}`;
  await page.goto(href(ids[0]));
  const nav = page.getByRole("navigation", { name: "Episodes in this list" });
  await expect(nav.getByRole("link", { name: "next →" })).toHaveAttribute("href", new RegExp(`^/episodes/${ids[1]}\\?list=`));
  await expect(nav.getByRole("link", { name: "← previous" })).toHaveCount(0);

  await page.keyboard.press("n");
  await expect(page).toHaveURL(new RegExp(`/episodes/${ids[1]}\\?list=`));
  await expect(page.getByRole("heading", { name: `Episode ${ids[1]}`, level: 1 })).toBeVisible();
  await expect(nav.getByRole("link", { name: "next →" })).toBeVisible();
  await page.keyboard.press("n");
  await expect(page.getByRole("heading", { name: `Episode ${ids[2]}`, level: 1 })).toBeVisible();
  await expect(nav.getByRole("link", { name: "← previous" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "next →" })).toHaveCount(0);
  await page.keyboard.press("p");
  await expect(page.getByRole("heading", { name: `Episode ${ids[1]}`, level: 1 })).toBeVisible();
  await nav.getByRole("link", { name: "← previous" }).click();
  await expect(page.getByRole("heading", { name: `Episode ${ids[0]}`, level: 1 })).toBeVisible();
  expect(new URL(page.url()).searchParams.get("list")).toBe(`model=viewer-${run}%2Flisted&sort=id&dir=asc`);
});

test("tabs are in the URL; pull-request episodes open on the pull request", async ({ page }) => {
  const id = await episodeId(page, "instance=psf__requests-1142&source=mini-swe-agent");
  await page.goto(`/episodes/${id}`);
  const tabs = page.getByRole("navigation", { name: "Episode views" });
  await expect(tabs.getByRole("link")).toHaveText(["Timeline", "Final patch", "Files over time"]);
  await tabs.getByRole("link", { name: "Final patch" }).click();
  await expect(page).toHaveURL(new RegExp(`/episodes/${id}\\?tab=patch$`));
  await expect(tabs.getByRole("link", { name: "Final patch" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("region", { name: "Timeline" })).toHaveCount(0);
  await page.reload();
  await expect(tabs.getByRole("link", { name: "Final patch" })).toHaveAttribute("aria-current", "page");
  await page.getByRole("region", { name: "Quality flags" }).getByRole("link", { name: "see final patch" }).first().click();
  await expect(page).toHaveURL(/tab=patch/);

  const contextual = await episodeId(page, "kind=contextual");
  await page.goto(`/episodes/${contextual}`);
  await expect(tabs.getByRole("link")).toHaveText(["Pull request", "Timeline", "Final patch", "Files over time"]);
  await expect(tabs.getByRole("link", { name: "Pull request" })).toHaveAttribute("aria-current", "page");
  await tabs.getByRole("link", { name: "Timeline" }).click();
  await expect(page).toHaveURL(new RegExp(`/episodes/${contextual}\\?tab=timeline$`));
});

/** `count` keydowns of `key` in one task, so the page cannot re-render between them. */
async function keyBurst(page: Page, key: string, count: number) {
  await page.evaluate(
    ([key, count]) => {
      for (let i = 0; i < count; i++) (document.activeElement ?? document.body).dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true }));
    },
    [key, count] as const,
  );
}
