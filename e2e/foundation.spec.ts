import { expect, test } from "@playwright/test";
import { accounts, signIn } from "./support";

test("anonymous visitors are sent to sign-in and bad passwords are refused", async ({ page }) => {
  await page.goto("/episodes");
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByLabel("Email").fill(accounts.admin.email);
  await page.getByLabel("Password").fill("definitely-wrong-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /invalid email or password/i })).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
});

test("an admin signs in, browses the episode list and opens an episode", async ({ page }) => {
  await signIn(page, "admin");
  await expect(page.getByRole("heading", { name: "Episodes" })).toBeVisible();
  const table = page.getByRole("table", { name: "Episodes" });
  await expect(table.getByRole("row").nth(1)).toBeVisible();
  await expect(table.getByRole("row").filter({ hasText: "contextual" }).first()).toBeVisible();
  // The list is virtual (only rows near the window exist): narrow it to reach the other kind.
  await page.getByRole("group", { name: "Kind" }).getByRole("checkbox", { name: /^environmental/ }).click();
  const environmental = table.getByRole("row").filter({ hasText: "environmental" }).first();
  await expect(environmental).toBeVisible();
  const id = (await environmental.getByRole("link").first().textContent())?.trim();
  await environmental.getByRole("link").first().click();
  await expect(page.getByRole("heading", { name: `Episode ${id}` })).toBeVisible();
  await expect(page.getByRole("region", { name: "Timeline" })).toBeVisible();
  await expect(page.locator("#step-0")).toBeVisible();
});

test("navigation shows every section, and a section beyond the role says so plainly", async ({ page }) => {
  await signIn(page, "viewer");
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const section of ["Episodes", "Review", "Exports", "Imports", "Insights"]) {
    await expect(nav.getByRole("link", { name: section })).toBeVisible();
  }
  await nav.getByRole("link", { name: "Exports" }).click();
  await expect(page.getByText("Exporting needs the reviewer role; you are viewer.")).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
});

test("health reports the database, migrations and episode count", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  const health = await response.json();
  expect(health.status).toBe("ok");
  expect(health.database.reachable).toBe(true);
  expect(health.migrations.pending).toEqual([]);
  expect(health.migrations.applied.length).toBeGreaterThan(0);
  expect(health.episodes).toBeGreaterThan(0);
});

test("the API refuses anonymous callers with the standard error shape", async ({ request }) => {
  const response = await request.get("/api/episodes");
  expect(response.status()).toBe(401);
  expect(await response.json()).toEqual({ error: { code: "unauthorized", message: expect.any(String) } });
});
