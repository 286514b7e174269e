import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { accounts, signIn } from "./support";

const jsonl = "application/x-ndjson";

function trajectory(instanceId: string): string {
  return JSON.stringify({
    trajectory_format: "mini-swe-agent-1",
    instance_id: instanceId,
    info: { exit_status: "Submitted", submission: "", model_stats: { instance_cost: 0.01, api_calls: 1 } },
    messages: [
      { role: "user", content: "<pr_description>x</pr_description>" },
      { role: "assistant", content: "```bash\nls\n```" },
      { role: "user", content: "<returncode>0</returncode>\n<output>\na\n</output>" },
    ],
  });
}

function file(name: string, lines: string[]) {
  return { name, mimeType: jsonl, buffer: Buffer.from(`${lines.join("\n")}\n`) };
}

/** The newest upload of `name` on the page: uploads are listed newest first. */
function upload(page: Page, name: string) {
  return page.getByRole("region", { name }).first();
}

async function batchIdOf(page: Page, name: string): Promise<number> {
  const label = upload(page, name).getByText(/^Batch #\d+$/);
  await expect(label).toBeVisible();
  return Number((await label.textContent())?.replace(/\D/g, ""));
}

async function instanceIdsOnEpisodeList(page: Page): Promise<string[]> {
  const response = await page.request.get("/api/episodes?limit=500");
  expect(response.ok()).toBe(true);
  return (await response.json()).items.map((episode: { instanceId: string | null }) => episode.instanceId);
}

test("a reviewer imports files, reads the errors, skips invalid records, re-imports and undoes a batch", async ({ page }) => {
  const run = randomBytes(4).toString("hex");
  const goodIds = [`ui-${run}__good-1`, `ui-${run}__good-2`];
  const good = file(`good-${run}.jsonl`, goodIds.map(trajectory));
  const mixed = file(`mixed-${run}.jsonl`, [trajectory(`ui-${run}__mixed-1`), '{"trajectory_format": "mini-swe-agent-1", "instance_id": ']);
  await signIn(page, "admin", "/imports");
  await expect(page.getByRole("heading", { name: "Imports", level: 1 })).toBeVisible();
  const chooser = page.getByLabel("Choose files to import");

  await chooser.setInputFiles([good]);
  const goodRow = upload(page, good.name).getByRole("listitem").filter({ hasText: good.name });
  await expect(goodRow.getByRole("progressbar", { name: good.name })).toHaveAttribute("aria-valuenow", "100");
  await expect(goodRow).toContainText("Done");
  await expect(goodRow).toContainText("Format: mini-swe-agent");
  await expect(goodRow).toContainText("2 imported · 0 duplicates · 0 invalid");
  const firstBatch = await batchIdOf(page, good.name);
  expect(await instanceIdsOnEpisodeList(page)).toEqual(expect.arrayContaining(goodIds));

  await chooser.setInputFiles([mixed]);
  const rejected = upload(page, mixed.name);
  await expect(rejected.getByRole("status")).toContainText("rejected: nothing was imported");
  const errorRow = rejected.getByRole("table", { name: "Import errors" }).getByRole("row").filter({ hasText: `${mixed.name}:2` });
  await expect(errorRow).toContainText("invalid JSON");
  await expect(rejected.getByRole("listitem")).toContainText("Not imported");

  await page.getByLabel("Skip invalid records").check();
  await chooser.setInputFiles([mixed]);
  const skipped = upload(page, mixed.name);
  await expect(skipped.getByRole("status")).toContainText("committed: 1 imported, 0 duplicates, 1 invalid");
  await expect(skipped.getByRole("listitem")).toContainText("1 imported · 0 duplicates · 1 invalid");
  await expect(skipped.getByRole("table", { name: "Import errors" })).toContainText(`${mixed.name}:2`);
  await page.getByLabel("Skip invalid records").uncheck();

  await chooser.setInputFiles([good]);
  const again = upload(page, good.name);
  await expect(again.getByRole("listitem")).toContainText("Done");
  await expect(again.getByRole("listitem")).toContainText("0 imported · 2 duplicates · 0 invalid");

  const history = page.getByRole("table", { name: "Import batches, newest first" });
  const firstRow = history.getByRole("row").filter({ has: page.getByRole("cell", { name: `#${firstBatch}`, exact: true }) });
  await expect(firstRow).toContainText("committed");
  await expect(firstRow).toContainText(accounts.admin.email);
  await firstRow.getByRole("button", { name: `Undo batch ${firstBatch}` }).click();
  const dialog = page.getByRole("dialog", { name: `Undo batch #${firstBatch}?` });
  await expect(dialog).toContainText("permanently deletes the 2 episodes");
  await dialog.getByRole("button", { name: "Undo import" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: `Batch #${firstBatch} undone` })).toContainText("2 episodes deleted");
  await expect(firstRow).toContainText("undone");
  await expect(firstRow.getByRole("button", { name: /^Undo/ })).toHaveCount(0);
  const remaining = await instanceIdsOnEpisodeList(page);
  expect(remaining).not.toContain(goodIds[0]);
  expect(remaining).not.toContain(goodIds[1]);
  expect(remaining).toContain(`ui-${run}__mixed-1`);
});

test("a viewer sees the import history but cannot import or undo", async ({ browser, page }) => {
  const run = randomBytes(4).toString("hex");
  const admin = await browser.newPage();
  await signIn(admin, "admin");
  const seeded = file(`viewer-seed-${run}.jsonl`, [trajectory(`ui-${run}__viewer-1`)]);
  const response = await admin.request.post("/api/imports", { multipart: { file: seeded } });
  expect(response.status()).toBe(202);
  const { batchId, url } = await response.json();
  await expect.poll(async () => (await (await admin.request.get(url)).json()).status).toBe("committed");
  await admin.close();

  await signIn(page, "viewer", "/imports");
  await expect(page.getByRole("heading", { name: "Imports", level: 1 })).toBeVisible();
  await expect(page.getByText("Importing needs the reviewer role")).toBeVisible();
  const history = page.getByRole("table", { name: "Import batches, newest first" });
  const row = history.getByRole("row").filter({ has: page.getByRole("cell", { name: `#${batchId}`, exact: true }) });
  await expect(row).toContainText("committed");
  await expect(row).toContainText(seeded.name);
  await expect(page.getByLabel("Choose files to import")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Undo/ })).toHaveCount(0);
});
