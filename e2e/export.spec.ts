import { createHash } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support";

/** Replaces the recipe editor's whole text by pasting, as a person with a recipe file would. */
async function setRecipeText(page: Page, text: string) {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
  const editor = page.getByRole("group", { name: "Recipe JSON" });
  await editor.locator(".monaco-editor").click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("ControlOrMeta+V");
}

const recipeName = `e2e mixture ${Date.now()}`;
const recipe = {
  name: recipeName,
  seed: 7,
  components: [
    { name: "rollouts", filter: "kind=environmental", reviewStatus: ["pending", "approved", "rejected", "needs_changes"], weight: { upsample: 2 } },
    { name: "pr-samples", filter: "kind=contextual", reviewStatus: ["pending", "approved", "rejected", "needs_changes"], maxTokens: 200000, overLimit: "drop" },
  ],
  dedup: { exact: true, near: true, threshold: 0.9 },
  decontamination: { swebench: false, instanceIds: [], repos: [], lists: [] },
  split: { validation: 0.2 },
  format: { file: "jsonl", style: "chat", shardMb: 0.25 },
};

test("a reviewer writes a recipe, previews it, saves it, runs it and downloads verifiable shards", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, "reviewer", "/exports");
  await page.getByRole("link", { name: "New recipe" }).click();
  await expect(page.getByRole("heading", { name: "New recipe" })).toBeVisible();
  // The example recipe is there to start from, and it is valid.
  await expect(page.getByText("The recipe is valid.")).toBeVisible();

  await setRecipeText(page, '{ "name": "broken", ');
  await expect(page.getByRole("list", { name: "Recipe problems" })).toContainText("Not valid JSON");
  await expect(page.getByRole("button", { name: "Preview" })).toBeDisabled();

  await setRecipeText(page, JSON.stringify(recipe, null, 2));
  await expect(page.getByText("The recipe is valid.")).toBeVisible();
  await page.getByRole("button", { name: "Preview" }).click();
  const components = page.getByRole("table", { name: "Components" });
  await expect(components.getByRole("row", { name: /rollouts/ })).toBeVisible();
  await expect(components.getByRole("row", { name: /pr-samples/ })).toBeVisible();
  const previewSummary = await page.getByText(/records from .* episodes/).textContent();
  const plannedRecords = Number(previewSummary?.match(/^([\d,]+) records/)?.[1].replaceAll(",", ""));
  expect(plannedRecords).toBeGreaterThan(0);

  await page.getByRole("button", { name: "Save recipe" }).click();
  await expect(page).toHaveURL(/\/exports\/recipes\/\d+$/);
  await expect(page.getByText("Version 1 · saved")).toBeVisible();

  await page.getByRole("button", { name: "Run export" }).click();
  await expect(page).toHaveURL(/\/exports\/\d+$/);
  const exportId = page.url().split("/").pop();
  await expect(page.getByText("done", { exact: true })).toBeVisible({ timeout: 120_000 });
  await expect(page.getByText(new RegExp(`^${plannedRecords.toLocaleString("en")} records ·`))).toBeVisible();

  const files = page.getByRole("list", { name: "Export files" });
  await expect(files.getByRole("link", { name: "manifest.json" })).toBeVisible();
  await expect(files.getByRole("link", { name: "README.md" })).toBeVisible();
  const trainShards = files.getByRole("link", { name: /^data\/train-\d{5}-of-\d{5}\.jsonl$/ });
  expect(await trainShards.count()).toBeGreaterThan(1);

  // The downloaded shard is what the manifest says it is.
  const manifest = await (await page.request.get(`/api/exports/${exportId}/files/manifest.json`)).json();
  const shardPath = (await trainShards.first().textContent())!;
  const download = page.waitForEvent("download");
  await trainShards.first().click();
  const bytes = await (await download).createReadStream().then(async (stream) => {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  });
  const listed = manifest.shards.find((shard: { path: string }) => shard.path === shardPath);
  expect(createHash("sha256").update(bytes).digest("hex")).toBe(listed.sha256);
  for (const line of bytes.toString("utf8").trimEnd().split("\n")) expect(Array.isArray(JSON.parse(line).messages)).toBe(true);

  // The history lists it, with the recipe version it ran.
  await page.getByRole("link", { name: "Exports" }).first().click();
  const row = page.getByRole("row", { name: new RegExp(`#${exportId}`) });
  await expect(row).toContainText(`${recipeName} v1`);
  await expect(row).toContainText("done");
});

test("a recipe keeps every version; running version 1 again writes byte-identical shards", async ({ page }) => {
  test.setTimeout(180_000);
  const name = `e2e versions ${Date.now()}`;
  await signIn(page, "reviewer", "/exports/recipes/new");
  await setRecipeText(page, JSON.stringify({ ...recipe, name }, null, 2));
  await page.getByRole("button", { name: "Save recipe" }).click();
  await expect(page.getByText("Version 1 · saved")).toBeVisible();

  await setRecipeText(page, JSON.stringify({ ...recipe, name, seed: 8 }, null, 2));
  await expect(page.getByText("Version 1 · unsaved changes")).toBeVisible();
  await page.getByRole("button", { name: "Save as version 2" }).click();
  await expect(page.getByText("Version 2 · saved")).toBeVisible();
  const versions = page.getByRole("list", { name: "Recipe versions" });
  await expect(versions.getByRole("listitem")).toHaveCount(2);

  // Version 1 opens as it was saved.
  await versions.getByRole("button", { name: "Open version 1" }).click();
  await expect(page.getByText("Version 2 · unsaved changes · showing version 1; save to make it version 3")).toBeVisible();

  const shardHashes = async () => {
    await versions.getByRole("button", { name: "Run version 1" }).click();
    await expect(page).toHaveURL(/\/exports\/\d+$/);
    await expect(page.getByText("done", { exact: true })).toBeVisible({ timeout: 120_000 });
    const id = page.url().split("/").pop();
    const manifest = await (await page.request.get(`/api/exports/${id}/files/manifest.json`)).json();
    expect(manifest.recipe.seed).toBe(7);
    return manifest.shards.map((shard: { path: string; sha256: string }) => `${shard.path} ${shard.sha256}`);
  };
  const first = await shardHashes();
  await page.goBack();
  const second = await shardHashes();
  expect(second).toEqual(first);
  expect(first.length).toBeGreaterThan(1);
});
