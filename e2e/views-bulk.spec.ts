import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support";

/** The sample corpus has mini-swe-agent runs; other specs may add more, so counts are read, not assumed. */
const facetQuery = "source=mini-swe-agent";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

async function totalOf(page: Page, query: string): Promise<number> {
  const response = await page.request.get(`/api/episodes?${query}&limit=1`);
  expect(response.ok()).toBe(true);
  const { total, isTotalEstimated } = await response.json();
  expect(isTotalEstimated).toBe(false);
  return total;
}

/** The list's total as the page shows it ("1,234 episodes"). */
function listTotal(page: Page, total: number) {
  return page.getByText(`${total.toLocaleString("en-US")} episodes`).first();
}

function savedViewsButton(page: Page) {
  return page.getByRole("button", { name: /^Saved views/ });
}

async function openSavedViews(page: Page) {
  await savedViewsButton(page).click();
  return page.getByRole("region", { name: "Saved views" });
}

test("a saved, shared view reopens from the menu and from its link, and teammates see it", async ({ page, browser }) => {
  const name = `Mini runs ${randomBytes(4).toString("hex")}`;
  await signIn(page, "admin", `/episodes?${facetQuery}`);
  const total = await totalOf(page, facetQuery);
  expect(total).toBeGreaterThan(0);
  await expect(listTotal(page, total)).toBeVisible();

  let menu = await openSavedViews(page);
  await menu.getByRole("button", { name: "Save current view…" }).click();
  await menu.getByLabel("View name").fill(name);
  await menu.getByLabel("Share with the team").check();
  await menu.getByRole("button", { name: "Save view" }).click();
  await expect(menu.getByRole("status")).toHaveText(`Saved "${name}".`);
  const mine = menu.getByRole("region", { name: "My views" });
  await expect(mine.getByRole("link", { name })).toHaveAttribute("aria-current", "page");
  await expect(mine.getByRole("checkbox", { name: `Share ${name} with the team` })).toBeChecked();
  await expect(savedViewsButton(page)).toHaveText(new RegExp(`Saved views: ${name}`));

  await page.goto("/episodes");
  await expect(savedViewsButton(page)).toHaveText(/^Saved views ▾$/);
  menu = await openSavedViews(page);
  await menu.getByRole("region", { name: "My views" }).getByRole("link", { name }).click();
  await expect(page).toHaveURL(new RegExp(`/episodes\\?${facetQuery}$`));
  await expect(listTotal(page, total)).toBeVisible();
  await expect(savedViewsButton(page)).toHaveText(new RegExp(`Saved views: ${name}`));

  menu = await openSavedViews(page);
  await menu.getByRole("button", { name: `Copy link to ${name}` }).click();
  await expect(menu.getByRole("status")).toHaveText(`Link to "${name}" copied.`);
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(new URL(link).pathname + new URL(link).search).toBe(`/episodes?${facetQuery}`);
  const fresh = await page.context().newPage();
  await fresh.goto(link);
  await expect(listTotal(fresh, total)).toBeVisible();
  await expect(savedViewsButton(fresh)).toHaveText(new RegExp(`Saved views: ${name}`));
  await fresh.close();

  const viewerContext = await browser.newContext();
  const viewer = await viewerContext.newPage();
  await signIn(viewer, "viewer", "/episodes");
  const viewerMenu = await openSavedViews(viewer);
  const shared = viewerMenu.getByRole("region", { name: "Shared with the team" }).getByRole("listitem").filter({ hasText: name });
  await expect(shared).toContainText("by ");
  await expect(shared.getByRole("button", { name: `Delete ${name}` })).toHaveCount(0);
  await shared.getByRole("link", { name }).click();
  await expect(viewer).toHaveURL(new RegExp(`/episodes\\?${facetQuery}$`));
  await expect(listTotal(viewer, total)).toBeVisible();
  await viewerContext.close();
});

test("an admin labels the whole filtered set after confirming the exact count, is stopped when the count moves; viewers get no bulk menu", async ({ page, browser }) => {
  const label = `tricky-${randomBytes(4).toString("hex")}`;
  await signIn(page, "admin", `/episodes?${facetQuery}`);
  const total = await totalOf(page, facetQuery);
  await expect(listTotal(page, total)).toBeVisible();

  await page.getByRole("button", { name: "Bulk actions" }).click();
  await page.getByRole("menu", { name: "Bulk actions" }).getByRole("menuitem", { name: "Add label…" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Label").fill(label);
  await expect(dialog.getByRole("heading")).toHaveText(`Add label "${label}" to ${total.toLocaleString("en-US")} episodes?`);
  await dialog.getByRole("button", { name: "Add label" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Added label" })).toHaveText(`Added label "${label}" to ${total.toLocaleString("en-US")} episodes.`);
  await expect(dialog).toBeHidden();

  await page.goto(`/episodes?label=${label}`);
  await expect(listTotal(page, total)).toBeVisible();

  // The set grows between the count and the click: the server refuses, the dialog counts again.
  await page.getByRole("button", { name: "Bulk actions" }).click();
  await page.getByRole("menuitem", { name: "Remove label…" }).click();
  await dialog.getByLabel("Label").fill(label);
  await expect(dialog.getByRole("heading")).toHaveText(`Remove label "${label}" from ${total.toLocaleString("en-US")} episodes?`);
  const others = "source=atelier-pr";
  const othersCount = (await (await page.request.post("/api/episodes/bulk/preview", { data: { query: others } })).json()).count;
  const meanwhile = await page.request.post("/api/episodes/bulk", { data: { query: others, action: "label_add", label, expectedCount: othersCount } });
  expect(meanwhile.ok()).toBe(true);
  const grown = total + othersCount;
  await dialog.getByRole("button", { name: "Remove label" }).click();
  await expect(dialog.getByRole("alert")).toHaveText(`The filter now matches ${grown.toLocaleString("en-US")} episodes, not ${total.toLocaleString("en-US")}. Check and confirm again.`);
  await expect(dialog.getByRole("heading")).toHaveText(`Remove label "${label}" from ${grown.toLocaleString("en-US")} episodes?`);
  await dialog.getByRole("button", { name: "Remove label" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Removed label" })).toHaveText(`Removed label "${label}" from ${grown.toLocaleString("en-US")} episodes.`);
  await page.goto(`/episodes?label=${label}`);
  await expect(listTotal(page, 0)).toBeVisible();

  const viewerContext = await browser.newContext();
  const viewer = await viewerContext.newPage();
  await signIn(viewer, "viewer", `/episodes?${facetQuery}`);
  await expect(listTotal(viewer, total)).toBeVisible();
  await expect(savedViewsButton(viewer)).toBeVisible();
  await expect(viewer.getByRole("button", { name: "Bulk actions" })).toHaveCount(0);
  await viewerContext.close();
});

test("an admin sends the filtered set to a new review queue from the bulk menu", async ({ page }) => {
  const suffix = randomBytes(4).toString("hex");
  await signIn(page, "admin", `/episodes?${facetQuery}`);
  const total = await totalOf(page, facetQuery);
  const rubric = await page.request.post("/api/rubrics", {
    data: { name: `Quick check ${suffix}`, dimensions: [{ key: "solves", label: "Solves the issue", type: "boolean" }] },
  });
  expect(rubric.ok()).toBe(true);

  await page.getByRole("button", { name: "Bulk actions" }).click();
  await page.getByRole("menu", { name: "Bulk actions" }).getByRole("menuitem", { name: "Send to a new review queue…" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("heading")).toHaveText(`Send ${total.toLocaleString("en-US")} episodes to a new review queue?`);
  await dialog.getByLabel("Queue name").fill(`mini runs ${suffix}`);
  await dialog.getByLabel("Rubric").selectOption({ label: `Quick check ${suffix} (version 1)` });
  await dialog.getByLabel("Annotators per episode").fill("2");
  await dialog.getByRole("button", { name: "Create queue" }).click();
  await expect(page.getByRole("status").filter({ hasText: "created" })).toHaveText(`Queue "mini runs ${suffix}" created from ${total} matching episodes.`);

  const queues = (await (await page.request.get("/api/queues")).json()) as { items: { id: number; name: string; overlap: number }[] };
  const queue = queues.items.find((q) => q.name === `mini runs ${suffix}`)!;
  expect(queue.overlap).toBe(2);
  const progress = (await (await page.request.get(`/api/queues/${queue.id}/progress`)).json()) as { overall: { items: number; slots: number } };
  expect(progress.overall).toMatchObject({ items: total, slots: total * 2 });
});
