import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support";

// The sample corpus has rollout groups: SWE-agent runs of several models on one instance.

type Attempt = { id: number; instanceId: string; model: string; stepCount: number; patchBytes: number };

/** Two attempts at one instance with different step counts (so the alignment must have gaps), and the rest of the group. */
async function attemptsToCompare(page: Page): Promise<{ a: Attempt; b: Attempt; others: Attempt[] }> {
  const groups = await (await page.request.get("/api/episodes/groups?limit=50")).json();
  const candidates = (groups.items as { instanceId: string; attempts: number }[]).filter((g) => g.attempts >= 2).sort((x, y) => y.attempts - x.attempts);
  for (const group of candidates) {
    const list = await (await page.request.get(`/api/episodes?instance=${encodeURIComponent(group.instanceId)}&sort=id&dir=asc`)).json();
    const attempts: Attempt[] = list.items.filter((e: Attempt) => e.patchBytes > 0);
    for (const a of attempts) {
      const b = attempts.find((x) => x.id !== a.id && x.stepCount !== a.stepCount);
      if (b) return { a, b, others: attempts.filter((x) => x.id !== a.id && x.id !== b.id) };
    }
  }
  throw new Error("no rollout group with two attempts of different lengths");
}

test("two attempts side by side: headers, aligned steps with gaps, the patch diff, swapping and picking", async ({ page }) => {
  await signIn(page, "viewer");
  const { a, b, others } = await attemptsToCompare(page);
  await page.goto(`/episodes/compare?a=${a.id}&b=${b.id}`);

  for (const [label, episode] of [["A", a], ["B", b]] as const) {
    const side = page.getByRole("region", { name: `Episode ${label}` });
    await expect(side.getByRole("link", { name: `Episode ${episode.id}`, exact: true })).toBeVisible();
    await expect(side).toContainText(episode.instanceId);
    await expect(side).toContainText(episode.model);
    await expect(side).toContainText(`Steps${episode.stepCount}`);
  }

  // Every step of both episodes sits in one row; a row with a step on one side only is a gap.
  const summary = page.getByText(/^\d+ rows: \d+ same, \d+ similar, \d+ gaps?$/);
  await expect(summary).toBeVisible();
  const [rows, same, similar, gaps] = ((await summary.textContent())!.match(/\d+/g) ?? []).map(Number);
  expect(same + similar + gaps).toBe(rows);
  expect(2 * (same + similar) + gaps).toBe(a.stepCount + b.stepCount);
  expect(gaps).toBeGreaterThanOrEqual(Math.abs(a.stepCount - b.stepCount));
  expect(same).toBeGreaterThan(0);

  const table = page.getByRole("table", { name: "Aligned steps" });
  await expect(table.getByRole("columnheader", { name: `A · Episode ${a.id}` })).toBeVisible();
  await expect(table.getByRole("columnheader", { name: `B · Episode ${b.id}` })).toBeVisible();
  const firstRow = table.getByRole("row").nth(1);
  await expect(firstRow.getByRole("link", { name: `Step 0 of episode ${a.id}` })).toBeVisible();
  await expect(firstRow.getByRole("link", { name: `Step 0 of episode ${b.id}` })).toBeVisible();
  await expect(firstRow).not.toContainText("Loading step");

  await page.getByRole("button", { name: "Next gap" }).click();
  await expect(page.getByText(`Gap 1 of ${gaps}`)).toBeVisible();
  const gapRow = table.getByRole("row").filter({ hasText: "No matching step" }).first();
  await expect(gapRow).toBeVisible();
  await expect(gapRow.getByRole("link", { name: /^Step \d+ of episode \d+$/ })).toHaveCount(1);

  // The final patches in a Monaco diff, whole and per file.
  const patches = page.getByRole("region", { name: "Final patches" });
  const diff = patches.getByRole("group", { name: "Patch diff" });
  await expect(diff.locator(".monaco-diff-editor")).toBeVisible();
  await expect(diff.locator(".original .view-lines")).toContainText("diff --git");
  await expect(diff.locator(".modified .view-lines")).toContainText("diff --git");
  const fileButtons = patches.getByRole("navigation", { name: "Patch files" }).getByRole("button");
  const shared = fileButtons.filter({ hasText: /both$/ });
  if ((await shared.count()) > 0) {
    const path = (await shared.first().locator("span").first().textContent())!;
    await shared.first().click();
    await expect(shared.first()).toHaveAttribute("aria-pressed", "true");
    await expect(diff.locator(".modified .view-lines")).toContainText(`b/${path}`);
  }

  // Swap sides.
  await page.getByRole("link", { name: "Swap sides" }).click();
  await expect(page).toHaveURL((url) => url.searchParams.get("a") === String(b.id) && url.searchParams.get("b") === String(a.id));
  await expect(page.getByRole("region", { name: "Episode A" }).getByRole("link", { name: `Episode ${b.id}`, exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: "Episode B" }).getByRole("link", { name: `Episode ${a.id}`, exact: true })).toBeVisible();

  // Pick another side: another attempt at the instance, or any episode by id.
  const sideB = page.getByRole("region", { name: "Episode B" });
  await sideB.getByText("Change episode B").click();
  if (others.length > 0) {
    await sideB.getByRole("link", { name: `Show episode ${others[0].id} as B` }).click();
    await expect(page).toHaveURL((url) => url.searchParams.get("a") === String(b.id) && url.searchParams.get("b") === String(others[0].id));
    await expect(page.getByRole("region", { name: "Episode B" }).getByRole("link", { name: `Episode ${others[0].id}`, exact: true })).toBeVisible();
    await page.getByRole("region", { name: "Episode B" }).getByText("Change episode B").click();
  }
  await page.getByRole("region", { name: "Episode B" }).getByLabel("Episode id for B").fill(String(a.id));
  await page.getByRole("button", { name: "Show as B" }).click();
  await expect(page).toHaveURL((url) => url.searchParams.get("b") === String(a.id));
  await expect(page.getByRole("region", { name: "Episode B" }).getByRole("link", { name: `Episode ${a.id}`, exact: true })).toBeVisible();

  // A step links into its episode.
  await table.getByRole("link", { name: `Step 0 of episode ${a.id}` }).click();
  await expect(page).toHaveURL(new RegExp(`/episodes/${a.id}#step-0$`));
});
