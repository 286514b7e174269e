import { expect, test } from "@playwright/test";
import { signIn } from "./support";

// The sample corpus: SWE-agent and mini-swe-agent rollouts, several attempting the same instance
// with different models (rollout groups), and PR samples without a model.

test("the instance × model matrix shows outcomes, and a cell opens those attempts in the list", async ({ page }) => {
  await signIn(page, "admin", "/episodes/matrix");
  const grid = page.getByRole("table", { name: "Resolved attempts by instance (rows) and model (columns)" });
  await expect(grid.getByRole("columnheader", { name: "Instance" })).toBeVisible();
  await expect(grid.getByRole("columnheader", { name: "claude-sonnet-4-20250514", exact: true })).toBeVisible();
  await expect(grid.getByRole("columnheader", { name: "gpt-4o-2024-08-06", exact: true })).toBeVisible();

  // The first row is the instance with most attempts: three models tried it.
  const firstRow = grid.getByRole("row").nth(1);
  const instanceId = (await firstRow.getByRole("rowheader").locator("span").first().textContent())!.trim();
  expect(instanceId).toMatch(/__/);
  const cells = firstRow.getByRole("link");
  await expect(cells).toHaveCount(3);
  await expect(page.getByText(/^\d+ of \d+ instances$/)).toBeVisible();

  const cell = cells.first();
  const label = (await cell.getAttribute("aria-label"))!;
  expect(label).toMatch(new RegExp(`^${instanceId.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}, .+: \\d+ of 1 attempt resolved`));
  const model = label.slice(instanceId.length + 2, label.indexOf(": "));
  await expect(cell).toHaveText(/^\d\/1$/);
  await cell.click();
  await expect(page).toHaveURL((url) => url.pathname === "/episodes" && url.searchParams.get("instance") === instanceId && url.searchParams.get("model") === model);

  // And back: the matrix keeps the filter it was opened with.
  await page.goto(`/episodes/matrix?model=${encodeURIComponent(model)}`);
  await expect(page.getByText(`Filter: model=${model}`)).toBeVisible();
  await expect(grid.getByRole("columnheader")).toHaveCount(2);
  await page.getByRole("link", { name: "Back to the list" }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/episodes" && url.searchParams.get("model") === model);
});

test("the list collapses to rollout groups whose attempts open as links", async ({ page }) => {
  await signIn(page, "admin", "/episodes?view=groups");
  const groups = page.getByRole("list", { name: "Rollout groups" });
  const first = groups.getByRole("listitem").first();
  await expect(first).toContainText("3 attempts · 0 resolved");
  await expect(first.getByRole("img", { name: "0 resolved, 0 unresolved, 3 unknown" })).toBeVisible();

  const toggle = first.getByRole("button", { name: /^Attempts of / });
  const instanceId = (await toggle.getAttribute("aria-label"))!.replace("Attempts of ", "");
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  const attempts = page.getByRole("list", { name: `Attempts of ${instanceId}` }).getByRole("link", { name: /^Episode \d+$/ });
  await expect(attempts).toHaveCount(3);

  const episodeLink = attempts.first();
  const href = (await episodeLink.getAttribute("href"))!;
  expect(href).toMatch(/^\/episodes\/\d+$/);
  await episodeLink.click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  await expect(page.getByRole("heading", { level: 1, name: `Episode ${href.split("/").pop()}` })).toBeVisible();
  await expect(page.getByText(instanceId).first()).toBeVisible();

  await page.goBack();
  await page.getByRole("link", { name: `Matrix of ${instanceId}` }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/episodes/matrix" && url.searchParams.get("instance") === instanceId);
  await expect(page.getByRole("table").getByRole("row")).toHaveCount(2);
});
