import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./support";

/** The sample corpus `npm test` imports: 80 episodes, 30 of them PR-derived ("contextual"). */
const SAMPLE_SIZE = 80;
const PAGE_SIZE = 50;

const table = (page: Page) => page.getByRole("table", { name: "Episodes" });
const bodyRows = (page: Page) => table(page).getByRole("row").filter({ has: page.getByRole("cell") });
const total = (page: Page) => page.getByLabel("Matching episodes");
const loaded = (page: Page) => page.getByRole("status").filter({ hasText: /loaded/ });
const chips = (page: Page) => page.getByRole("list", { name: "Active filters" });

async function apiTotal(page: Page, query: string): Promise<number> {
  const response = await page.request.get(`/api/episodes?${query}&limit=1`);
  expect(response.ok()).toBe(true);
  return (await response.json()).total;
}

async function columnIndex(page: Page, title: string): Promise<number> {
  const headers = await table(page).getByRole("columnheader").allTextContents();
  const index = headers.findIndex((header) => header.replace(/[▲▼]/g, "").trim() === title);
  expect(index).toBeGreaterThanOrEqual(0);
  return index;
}

async function numbersIn(page: Page, column: number, rows: number): Promise<number[]> {
  const texts = await Promise.all(Array.from({ length: rows }, (_, i) => bodyRows(page).nth(i).getByRole("cell").nth(column).textContent()));
  return texts.map((text) => Number((text ?? "").replace(/,/g, "")));
}

/** The id of the row in the middle of the window (the one a reader would open). */
async function idOfRowInMiddle(page: Page): Promise<string> {
  const box = await table(page).boundingBox();
  const id = await page.evaluate(
    ({ x }) => document.elementFromPoint(x, window.innerHeight / 2)?.closest("[role=row]")?.querySelector("[data-row-link]")?.textContent?.trim(),
    { x: (box?.x ?? 0) + 40 },
  );
  expect(id).toMatch(/^\d+$/);
  return id!;
}

test.beforeEach(async ({ page }) => {
  await signIn(page, "admin");
  await expect(total(page)).toHaveText(`${SAMPLE_SIZE} episodes`);
});

test("a facet value narrows the list to its count, in the URL and as a removable chip", async ({ page }) => {
  const kind = page.getByRole("group", { name: "Kind" });
  const contextual = kind.getByRole("checkbox", { name: /^contextual/ });
  const count = Number((await kind.locator("label").filter({ hasText: "contextual" }).textContent())?.replace(/\D/g, ""));
  expect(count).toBeGreaterThan(0);
  expect(count).toBeLessThan(SAMPLE_SIZE);

  await contextual.click();
  await expect(total(page)).toHaveText(`${count} episodes`);
  await expect(contextual).toBeChecked();
  await expect(page).toHaveURL(/[?&]kind=contextual(&|$)/);
  await expect(chips(page).getByText("Kind: contextual")).toBeVisible();
  await expect(bodyRows(page).first()).toContainText("contextual");
  await expect(bodyRows(page).filter({ hasText: "environmental" })).toHaveCount(0);

  await chips(page).getByRole("button", { name: "Remove Kind: contextual" }).click();
  await expect(total(page)).toHaveText(`${SAMPLE_SIZE} episodes`);
  await expect(page).toHaveURL(/\/episodes$/);
});

test("full-text search shows where it matched, highlighted, with a link to the step", async ({ page }) => {
  await page.keyboard.press("/");
  await expect(page.getByLabel("Search episodes")).toBeFocused();
  await page.keyboard.type("traceback");
  await expect(page).toHaveURL(/[?&]q=traceback(&|$)/);
  const matches = await apiTotal(page, "q=traceback");
  expect(matches).toBeGreaterThan(0);
  await expect(total(page)).toHaveText(`${matches} episode${matches === 1 ? "" : "s"}`);
  const first = bodyRows(page).first();
  await expect(first.locator("mark").first()).toHaveText(/^traceback$/i);
  const stepLink = table(page).getByRole("link", { name: /^step \d+$/ }).first();
  await expect(stepLink).toHaveAttribute("href", /^\/episodes\/\d+\?list=q%3Dtraceback#step-\d+$/);
  await expect(chips(page).getByText("Search: traceback")).toBeVisible();
});

test("sorting by steps orders the rows by their step counts, both ways", async ({ page }) => {
  const steps = await columnIndex(page, "Steps");
  await table(page).getByRole("button", { name: "Steps", exact: true }).click();
  await expect(page).toHaveURL(/[?&]sort=steps(&|$)/);
  await expect(table(page).getByRole("columnheader", { name: "Steps" })).toHaveAttribute("aria-sort", "descending");
  await expect(async () => {
    const values = await numbersIn(page, steps, 8);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(values[0]).toBeGreaterThan(values[7]);
  }).toPass();

  await table(page).getByRole("button", { name: "Steps", exact: true }).click();
  await expect(page).toHaveURL(/[?&]sort=steps&dir=asc(&|$)/);
  await expect(async () => {
    const values = await numbersIn(page, steps, 8);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(values[0]).toBeLessThan(values[7]);
  }).toPass();
});

test("scrolling to the end loads the next keyset page", async ({ page }) => {
  await expect(loaded(page)).toHaveText(`${PAGE_SIZE} of ${SAMPLE_SIZE} loaded`);
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await expect(loaded(page)).toHaveText(`${SAMPLE_SIZE} of ${SAMPLE_SIZE} loaded`);
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  // Newest first: the oldest episode is the last row.
  await expect(table(page).getByRole("link", { name: "1", exact: true })).toBeInViewport();
});

test("opening an episode and going back keeps the filter and the scroll position", async ({ page }) => {
  await page.getByRole("group", { name: "Kind" }).getByRole("checkbox", { name: /^environmental/ }).click();
  await expect(page).toHaveURL(/[?&]kind=environmental(&|$)/);
  const environmental = await apiTotal(page, "kind=environmental");
  await expect(total(page)).toHaveText(`${environmental} episodes`);
  const box = await table(page).boundingBox();
  await page.mouse.move((box?.x ?? 0) + 100, (box?.y ?? 0) + 100);
  await page.mouse.wheel(0, 900);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(500);
  const id = await idOfRowInMiddle(page);
  const scrolled = await page.evaluate(() => window.scrollY);
  const link = table(page).getByRole("link", { name: id, exact: true });

  await link.click();
  await expect(page.getByRole("heading", { name: `Episode ${id}` })).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(/[?&]kind=environmental(&|$)/);
  await expect(total(page)).toHaveText(`${environmental} episodes`);
  await expect(chips(page).getByText("Kind: environmental")).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(scrolled - 60);
  await expect(table(page).getByRole("link", { name: id, exact: true })).toBeInViewport();
});

test("a hand-edited link with bad values opens with only its valid part applied", async ({ page }) => {
  await page.goto("/episodes?steps=abc&kind=nope&model=x");
  await expect(page).toHaveURL(/\/episodes\?model=x$/);
  await expect(chips(page).getByText("Model: x")).toBeVisible();
  await expect(chips(page).getByRole("listitem")).toHaveCount(2); // the chip and "Clear all"
  await expect(total(page)).toHaveText("0 episodes");
  await expect(page.getByText("No episodes match this filter.")).toBeVisible();

  await page.goto("/episodes?steps=abc&kind=contextual,nope&cursor=zzz");
  await expect(page).toHaveURL(/\/episodes\?kind=contextual$/);
  await expect(total(page)).toHaveText(`${await apiTotal(page, "kind=contextual")} episodes`);
});

test("a range typed into the min and max boxes filters the list", async ({ page }) => {
  await page.getByLabel("Steps min").fill("20");
  await page.getByLabel("Steps max").fill("40");
  await page.getByLabel("Steps max").press("Enter");
  await expect(page).toHaveURL(/[?&]steps=20\.\.40(&|$)/);
  await expect(chips(page).getByText("Steps: 20–40")).toBeVisible();
  const matching = await apiTotal(page, "steps=20..40");
  expect(matching).toBeGreaterThan(0);
  expect(matching).toBeLessThan(SAMPLE_SIZE);
  await expect(total(page)).toHaveText(`${matching} episode${matching === 1 ? "" : "s"}`);
  const steps = await columnIndex(page, "Steps");
  const values = await numbersIn(page, steps, Math.min(matching, 8));
  expect(values.every((value) => value >= 20 && value <= 40)).toBe(true);

  await page.getByRole("button", { name: "Clear all" }).click();
  await expect(total(page)).toHaveText(`${SAMPLE_SIZE} episodes`);
  await expect(page.getByLabel("Steps min")).toHaveValue("");
});

test("the keyboard moves between rows and opens one", async ({ page }) => {
  const firstId = (await bodyRows(page).nth(0).getByRole("link").first().textContent())?.trim();
  const secondId = (await bodyRows(page).nth(1).getByRole("link").first().textContent())?.trim();
  await page.keyboard.press("j");
  await expect(table(page).getByRole("link", { name: firstId, exact: true })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(table(page).getByRole("link", { name: secondId, exact: true })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: `Episode ${secondId}` })).toBeVisible();
});

test("ticking two rows opens them side by side in compare", async ({ page }) => {
  const first = bodyRows(page).nth(0);
  const second = bodyRows(page).nth(1);
  const a = (await first.locator("[data-row-link]").textContent())!.trim();
  const b = (await second.locator("[data-row-link]").textContent())!.trim();
  await first.getByRole("checkbox", { name: `Select episode ${a} to compare` }).check();
  await expect(page.getByText(`Episode ${a} selected: tick one more to compare.`)).toBeVisible();
  await expect(page).toHaveURL(/\/episodes$/); // ticking does not open the episode
  await second.getByRole("checkbox", { name: `Select episode ${b} to compare` }).check();
  await page.getByRole("link", { name: `Compare episode ${a} with ${b}` }).click();
  await expect(page).toHaveURL(new RegExp(`/episodes/compare\\?a=${a}&b=${b}$`));
});
