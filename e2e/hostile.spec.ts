import { randomBytes } from "node:crypto";
import { expect, test, type ConsoleMessage, type Page } from "@playwright/test";
import { signIn } from "./support";

const run = randomBytes(4).toString("hex");
const esc = "\u001b";
const script = "<script>window.__pwned=1</script>";
const img = `<img src=x onerror="window.__pwned=1">`;
const jsLink = "[click](javascript:window.__pwned=1)";
// 200 KB without a space or newline. Base64, not one repeated letter: the importer's o200k count is
// quadratic in the length of a single pre-token (200,000 "A"s take it ~30 s), which is not this test's subject.
const longLine = randomBytes(150_000).toString("base64");

/** A mini-swe-agent-1 trajectory whose task, messages, commands, outputs and patch all carry payloads. */
function hostileTrajectory(): string {
  return JSON.stringify({
    trajectory_format: "mini-swe-agent-1",
    instance_id: `hostile-${run}__payloads`,
    info: {
      exit_status: `Submitted ${script}`,
      submission: `diff --git a/x.py b/x.py\n--- a/x.py\n+++ b/x.py\n@@ -1 +1 @@\n-a\n+${script}${img}\n`,
      config: { model: { model_name: `hostile-${run}/${img}` } },
    },
    messages: [
      { role: "system", content: `System ${img} ${script}` },
      {
        role: "user",
        content: `<pr_description>\n# Title ${script}\n\n${jsLink} and ${img} and ![pic](javascript:window.__pwned=1) and [data](data:text/html,${encodeURIComponent(script)})\n\n<a href="javascript:window.__pwned=1">raw anchor</a>\n\nRTL: evil\u202Etxt.exe\n</pr_description>`,
      },
      { role: "assistant", content: `THOUGHT: ${script} ${jsLink}\n\n\`\`\`bash\necho '${img}' && printf '${esc}[31mred${esc}[0m' # ${script}\n\`\`\`` },
      {
        role: "user",
        content: `<returncode>1</returncode>\n<output>\n${esc}[31mFAILED${esc}[0m ${esc}]0;title${esc}\\${esc}]8;;javascript:window.__pwned=1${esc}\\osc link${esc}]8;;${esc}\\ ${script}\n${img}\nRTL \u202Eevil\u2066\n${longLine}\n${esc}[2J${esc}[Hcleared\n${Array.from({ length: 40 }, (_, i) => `line ${i} ${script}`).join("\n")}\n</output>`,
      },
      { role: "assistant", content: "THOUGHT: done\n\n```bash\necho COMPLETE_TASK_AND_SUBMIT_FINAL_OUTPUT\n```" },
    ],
  });
}

async function importHostile(page: Page): Promise<number> {
  const response = await page.request.post("/api/imports", {
    multipart: { file: { name: `hostile-${run}.traj.json`, mimeType: "application/json", buffer: Buffer.from(hostileTrajectory()) } },
  });
  expect(response.status()).toBe(202);
  const { url } = await response.json();
  await expect.poll(async () => (await (await page.request.get(url)).json()).status, { timeout: 60_000 }).toBe("committed");
  const list = await (await page.request.get(`/api/episodes?instance=hostile-${run}__payloads`)).json();
  expect(list.items).toHaveLength(1);
  return list.items[0].id;
}

/** Console errors from the app (the browser's own missing-favicon request is not ours). */
function isOurs(message: ConsoleMessage): boolean {
  return message.type() === "error" && !message.location().url.endsWith("/favicon.ico");
}

test("hostile content is shown as text: nothing runs, no link is javascript:, the page keeps working", async ({ page }) => {
  test.setTimeout(120_000);
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  page.on("console", (message) => isOurs(message) && errors.push(message.text()));
  page.on("pageerror", (error) => errors.push(error.message));

  await signIn(page, "admin");
  const id = await importHostile(page);
  await page.goto(`/episodes/${id}`);

  // The task: Markdown without HTML, the link is no link, the payloads are visible text.
  const task = page.getByRole("region", { name: "Task" });
  await expect(task.getByRole("heading", { name: `Title ${script}` })).toBeVisible();
  await expect(task).toContainText(img);
  await expect(task).toContainText("⟨U+202E⟩");
  await expect(task.getByText("click", { exact: true })).toBeVisible();
  await task.getByText("click", { exact: true }).click();
  await expect(page.locator('a[href^="javascript:" i], a[href^="data:" i], [src^="javascript:" i]')).toHaveCount(0);
  await expect(page.locator("main img, main script:not([src])")).toHaveCount(0);
  await expect(page.locator("[onerror]")).toHaveCount(0);

  // The steps: commands and output as text, colours as classes, the 200 KB line cut and wrapped.
  const output = page.locator("#step-3");
  await expect(output.locator("span.ansi-fg-red", { hasText: "FAILED" })).toBeVisible();
  await expect(output).toContainText(script);
  await expect(output).toContainText("osc link");
  await expect(output).toContainText("⟨U+202E⟩");
  await expect(page.locator("#step-2 [data-shell-command]")).toContainText(`echo '${img}'`);
  const box = await output.boundingBox();
  expect(box!.width).toBeLessThanOrEqual(page.viewportSize()!.width);

  await output.getByRole("button", { name: "Expand output" }).click();
  await expect(output.getByText("line 39 <script>")).toBeVisible();
  await output.getByRole("button", { name: "Load the full step" }).first().click();
  await expect(output.getByText(/not loaded/)).toHaveCount(0);
  await output.getByLabel("Find in the output of step 3").fill("pwned");
  await expect(output.getByText(/of \d+ lines/)).toBeVisible();

  // Other views, then the keys and scrolling still answer.
  const tabs = page.getByRole("navigation", { name: "Episode views" });
  await tabs.getByRole("link", { name: "Final patch" }).click();
  await expect(page).toHaveURL(/tab=patch/);
  await expect(tabs.getByRole("link", { name: "Final patch" })).toHaveAttribute("aria-current", "page");
  await tabs.getByRole("link", { name: "Files over time" }).click();
  await expect(page).toHaveURL(/tab=files/);
  await tabs.getByRole("link", { name: "Timeline" }).click();
  await expect(page.locator("#step-0")).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.keyboard.press("j");
  await page.keyboard.press("j");
  await expect(page.locator("#step-1")).toBeFocused();
  await page.keyboard.press("e");
  await expect(page.locator("#step-1").getByRole("button", { name: "Collapse step 1" })).toBeVisible();
  await page.mouse.wheel(0, 2000);
  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
  await page.keyboard.press("Escape");

  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(errors).toEqual([]);
});
