import { expect, type Page } from "@playwright/test";

/** Credentials of the accounts `npm test` creates before the browser tests run. */
export const accounts = {
  admin: { email: process.env.E2E_ADMIN_EMAIL ?? "", password: process.env.E2E_ADMIN_PASSWORD ?? "" },
  viewer: { email: process.env.E2E_VIEWER_EMAIL ?? "", password: process.env.E2E_VIEWER_PASSWORD ?? "" },
  annotator1: { email: process.env.E2E_ANNOTATOR1_EMAIL ?? "", password: process.env.E2E_ANNOTATOR1_PASSWORD ?? "" },
  annotator2: { email: process.env.E2E_ANNOTATOR2_EMAIL ?? "", password: process.env.E2E_ANNOTATOR2_PASSWORD ?? "" },
  reviewer: { email: process.env.E2E_REVIEWER_EMAIL ?? "", password: process.env.E2E_REVIEWER_PASSWORD ?? "" },
};

export async function signIn(page: Page, who: keyof typeof accounts, next = "/episodes") {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(accounts[who].email);
  await page.getByLabel("Password").fill(accounts[who].password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`${next.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
}
