import { expect, test, type Locator, type Page } from "@playwright/test";
import { signIn } from "./support";

/** The sample corpus `npm test` imports: 50 environmental rollouts and 30 PR-derived samples. */
const SAMPLE = { episodes: 80, environmental: 50, contextual: 30 };

async function apiTotal(page: Page, query: string): Promise<number> {
  const response = await page.request.get(`/api/episodes?${query}`);
  expect(response.status()).toBe(200);
  return (await response.json()).total;
}

async function sampleBatchId(page: Page): Promise<number> {
  const response = await page.request.get("/api/imports?limit=100");
  const { items } = (await response.json()) as { items: { id: number; source: string; imported: number }[] };
  const sample = items.find((batch) => batch.source === "seed" && batch.imported === SAMPLE.episodes);
  expect(sample, "the sample batch").toBeDefined();
  return sample!.id;
}

const chart = (page: Page, title: string) => page.getByRole("group", { name: title, exact: true });
const headline = (page: Page) => page.getByRole("region", { name: "Episodes", exact: true });

/** A bar's link is named "<value>: <n> episodes"; returns the value and n. */
async function barOf(link: Locator): Promise<{ value: string; count: number }> {
  const label = (await link.getAttribute("aria-label")) ?? "";
  const match = /^(.*): ([\d,]+) episodes?$/.exec(label);
  expect(match, `bar label "${label}"`).not.toBeNull();
  return { value: match![1], count: Number(match![2].replace(/,/g, "")) };
}

test.beforeEach(async ({ page }) => {
  await signIn(page, "admin");
});

test("the headline counts the sample and splits it by kind", async ({ page }) => {
  const batch = await sampleBatchId(page);
  await page.goto(`/insights?batch=${batch}`);
  await expect(page.getByRole("heading", { name: "Insights", level: 1 })).toBeVisible();
  await expect(headline(page).getByText(String(SAMPLE.episodes), { exact: true })).toBeVisible();
  await expect(headline(page)).toContainText(`${SAMPLE.environmental} environmental · ${SAMPLE.contextual} contextual`);
  await expect(page.getByRole("list", { name: "Active filter" })).toContainText(`batch: ${batch}`);
  const split = page.getByRole("region", { name: "Token split: contextual vs environmental" });
  await expect(split).toContainText(/\d+% contextual/);
  await expect(split.getByRole("link", { name: /^contextual: [\d,]+ tokens/ })).toHaveAttribute("href", `/episodes?kind=contextual&batch=${batch}`);
});

test("charts draw clickable bars; a model's bar opens the list of exactly its episodes", async ({ page }) => {
  await page.goto("/insights");
  await expect(headline(page).getByText(String(await apiTotal(page, "")), { exact: true })).toBeVisible();
  for (const title of ["Episodes by source", "Episodes by repo", "Episodes by model", "Steps per episode", "Tokens per episode", "Patch size"])
    await expect(chart(page, title).locator("svg a[role=link] rect").first()).toBeVisible();

  // The repos beyond the top 15 are one "other" bar, drawn but not a link.
  const repos = chart(page, "Episodes by repo");
  await expect(repos.getByText(/^\(other: \d+ more\)$/)).toBeVisible();
  await expect(repos.getByRole("link", { name: /^\(other/ })).toHaveCount(0);

  const bar = chart(page, "Episodes by model").getByRole("link").first();
  const { value, count } = await barOf(bar);
  expect(count).toBeGreaterThan(0);
  await bar.click();
  await expect(page).toHaveURL(`/episodes?${new URLSearchParams({ model: value })}`);
  expect(await apiTotal(page, new URLSearchParams({ model: value }).toString())).toBe(count);
});

test("a histogram bucket opens the list within its range", async ({ page }) => {
  await page.goto("/insights");
  const bucket = chart(page, "Steps per episode").getByRole("link").first();
  const label = (await bucket.getAttribute("aria-label")) ?? "";
  const match = /^(\d+)(?:–(\d+))?: ([\d,]+) episodes?$/.exec(label);
  expect(match, `bucket label "${label}"`).not.toBeNull();
  const range = `${match![1]}..${match![2] ?? match![1]}`;
  await bucket.click();
  await expect(page).toHaveURL(`/episodes?steps=${range}`);
  expect(await apiTotal(page, `steps=${range}`)).toBe(Number(match![3].replace(/,/g, "")));
});

test("the charts follow the filter in the URL", async ({ page }) => {
  await page.goto("/insights?kind=contextual");
  await expect(headline(page).getByText(String(SAMPLE.contextual), { exact: true })).toBeVisible();
  await expect(page.getByRole("list", { name: "Active filter" })).toContainText("kind: contextual");
  await expect(page.getByRole("link", { name: "Open in list" })).toHaveAttribute("href", "/episodes?kind=contextual");
  await expect(page.getByRole("region", { name: "Token split: contextual vs environmental" })).toContainText("100% contextual");
  // Every source bar is within the filter: the PR samples' own format, and only it.
  const sources = chart(page, "Episodes by source").getByRole("link");
  await expect(sources).toHaveCount(1);
  expect(await barOf(sources.first())).toEqual({ value: "atelier-pr", count: SAMPLE.contextual });
  await expect(sources.first()).toHaveAttribute("href", "/episodes?kind=contextual&source=atelier-pr");

  await page.getByRole("link", { name: "Remove kind: contextual" }).click();
  await expect(page).toHaveURL("/insights");
  await expect(page.getByText("All episodes", { exact: true })).toBeVisible();
});

test("a filter that matches nothing says so instead of drawing empty charts", async ({ page }) => {
  await page.goto("/insights?model=nobody-runs-this-model");
  await expect(headline(page).getByText("0", { exact: true })).toBeVisible();
  await expect(page.getByText("No episodes match this filter.")).toBeVisible();
  await expect(page.locator("figure svg")).toHaveCount(0);
});
