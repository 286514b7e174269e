import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { signIn } from "./support";

const run = randomBytes(4).toString("hex");
const rubricName = `Judge spec ${run}`;

type Account = { email: string; password: string };

/** An account made the way a team's are: with the CLI (`atelier users add`), against the test database. */
function createAccount(role: "annotator" | "reviewer", name: string): Account {
  const account = { email: `judge-${name}-${run}-${randomBytes(2).toString("hex")}@atelier.test`, password: `pw-${name}-${run}-secret` };
  execFileSync(process.execPath, ["--import", "tsx", "scripts/atelier.ts", "users", "add", "--email", account.email, "--role", role, "--password", account.password], {
    env: process.env,
    stdio: "pipe",
  });
  return account;
}

async function signInAs(page: Page, account: Account, next: string) {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(next.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
}

/** A small mini-swe-agent run; with `loop` the agent lists the same directory five times running (steps 4–13, a stuck loop). */
function miniRun(instance: string, model: string, { loop = false } = {}): string {
  const repeat = [
    { role: "assistant", content: "THOUGHT: Check the directory again.\n\n```bash\nls src\n```" },
    { role: "user", content: "<returncode>0</returncode>\n<output>\nmain.py\n</output>" },
  ];
  return JSON.stringify({
    trajectory_format: "mini-swe-agent-1",
    instance_id: `judge-${run}__${instance}`,
    info: { exit_status: "Submitted", submission: "", config: { model: { model_name: `judge-${run}/${model}` } } },
    messages: [
      { role: "system", content: "You are a helpful assistant." },
      { role: "user", content: `<pr_description>Fix ${instance}.</pr_description>` },
      { role: "assistant", content: "THOUGHT: Look first.\n\n```bash\ncat README\n```" },
      { role: "user", content: "<returncode>0</returncode>\n<output>\nhello\n</output>" },
      ...(loop ? [0, 1, 2, 3, 4].flatMap(() => repeat) : []),
      { role: "assistant", content: "THOUGHT: Done.\n\n```bash\necho COMPLETE_TASK_AND_SUBMIT_FINAL_OUTPUT\n```" },
    ],
  });
}

async function importRun(page: Page, name: string, content: string) {
  const response = await page.request.post("/api/imports", { multipart: { file: { name, mimeType: "application/json", buffer: Buffer.from(content) } } });
  expect(response.status()).toBe(202);
  const { url } = await response.json();
  await expect.poll(async () => (await (await page.request.get(url)).json()).status, { timeout: 60_000 }).toBe("committed");
}

async function episodeIds(page: Page, query: string): Promise<number[]> {
  const response = await page.request.get(`/api/episodes?${query}&sort=id&dir=asc&limit=10`);
  expect(response.ok()).toBe(true);
  return (await response.json()).items.map((item: { id: number }) => item.id);
}

let annotator: Account;
let secondAnnotator: Account;
let episodes: { keys: number; masks: number };

test.beforeAll(async ({ browser }) => {
  annotator = createAccount("annotator", "ann");
  secondAnnotator = createAccount("annotator", "bob");
  const page = await browser.newPage();
  await signIn(page, "admin");
  const rubric = await page.request.post("/api/rubrics", {
    data: {
      name: rubricName,
      instructions: "Judge **the outcome**, not the style. <script>window.__judged = 1</script>",
      dimensions: [
        { key: "quality", label: "Quality", type: "ordinal", points: ["Broken", "Poor", "Fine", "Good", "Excellent"].map((label, i) => ({ value: i + 1, label })) },
        { key: "solves", label: "Solves the task", type: "boolean" },
        { key: "approach", label: "Approach", type: "single_choice", options: [{ value: "minimal", label: "Minimal fix" }, { value: "rewrite", label: "Rewrite" }] },
        { key: "issues", label: "Issues", type: "multi_choice", required: false, options: [{ value: "loop", label: "Loops" }, { value: "test-hack", label: "Test hacking" }] },
        { key: "notes", label: "Notes", type: "text" },
      ],
    },
  });
  expect(rubric.status()).toBe(201);
  await importRun(page, "keys.traj.json", miniRun("keys", "single"));
  await importRun(page, "masks.traj.json", miniRun("masks", "single", { loop: true }));
  for (const i of [1, 2]) await importRun(page, `queue-${i}.traj.json`, miniRun(`queue-${i}`, "queue"));
  await importRun(page, "blind.traj.json", miniRun("blind", "blind"));
  const [keys] = await episodeIds(page, `instance=judge-${run}__keys`);
  const [masks] = await episodeIds(page, `instance=judge-${run}__masks`);
  episodes = { keys, masks };
  await page.close();
});

// Tall enough that the short episodes' steps are all rendered by the virtual timeline.
test.use({ viewport: { width: 1440, height: 1600 } });

const reviewOf = (page: Page) => page.getByRole("region", { name: "Review" });
const radio = (scope: Locator, name: string) => scope.getByRole("radio", { name, exact: true });
const stepOf = (page: Page, idx: number) => page.getByRole("article", { name: `Step ${idx}`, exact: true });
const maskOf = (page: Page, idx: number) => stepOf(page, idx).getByLabel(`Mask for step ${idx}`, { exact: true });

test("an annotator judges with the keyboard; it persists; a stale edit from another tab is refused and rolled back", async ({ page, context }) => {
  const url = `/episodes/${episodes.keys}`;
  await signInAs(page, annotator, url);
  const review = reviewOf(page);
  await review.getByLabel("Rubric").selectOption({ label: `${rubricName} (version 1)` });
  await expect(review.getByText("the outcome", { exact: true })).toBeVisible();
  await expect(review.getByText("<script>window.__judged = 1</script>")).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __judged?: number }).__judged)).toBeUndefined();
  await expect(radio(review, "1 — Broken")).toBeEnabled();

  // Digits score the focused dimension; a gives the verdict.
  await radio(review, "1 — Broken").focus();
  await page.keyboard.press("4");
  await expect(radio(review, "4 — Good")).toBeChecked();
  await expect(radio(review, "4 — Good")).toBeFocused();
  await radio(review, "No").focus();
  await page.keyboard.press("1");
  await expect(radio(review, "Yes")).toBeChecked();
  await radio(review, "Minimal fix").focus();
  await page.keyboard.press("2");
  await expect(radio(review, "Rewrite")).toBeChecked();
  await review.getByRole("checkbox", { name: "Loops" }).focus();
  await page.keyboard.press("2");
  await expect(review.getByRole("checkbox", { name: "Test hacking" })).toBeChecked();
  await expect(review.getByRole("checkbox", { name: "Loops" })).not.toBeChecked();
  await review.getByRole("textbox", { name: "Notes" }).fill("Small and clean.");
  await review.getByRole("textbox", { name: "Labels" }).fill("keyboard-judged, tidy");
  await review.getByRole("textbox", { name: "Labels" }).press("Enter");
  await review.getByRole("textbox", { name: "Reason" }).fill("Solves it with a minimal change.");
  await radio(review, "Rewrite").focus();
  await page.keyboard.press("a");
  await expect(radio(review, "Approve")).toBeChecked();
  await review.getByRole("button", { name: "Submit judgment" }).click();
  await expect(review.getByRole("status")).toHaveText("Submitted");

  await page.reload();
  await expect(review.getByRole("status")).toHaveText("Submitted");
  await expect(review.getByLabel("Rubric").locator("option:checked")).toHaveText(`${rubricName} (version 1)`);
  await expect(radio(review, "4 — Good")).toBeChecked();
  await expect(radio(review, "Yes")).toBeChecked();
  await expect(radio(review, "Rewrite")).toBeChecked();
  await expect(review.getByRole("checkbox", { name: "Test hacking" })).toBeChecked();
  await expect(review.getByRole("textbox", { name: "Notes" })).toHaveValue("Small and clean.");
  await expect(review.getByRole("textbox", { name: "Labels" })).toHaveValue("keyboard-judged, tidy");
  await expect(review.getByRole("textbox", { name: "Reason" })).toHaveValue("Solves it with a minimal change.");
  await expect(radio(review, "Approve")).toBeChecked();
  const episode = await (await page.request.get(`/api/episodes/${episodes.keys}/review`)).json();
  expect(episode.reviewStatus).toBe("approved");
  expect(episode.labels).toEqual(expect.arrayContaining(["keyboard-judged", "tidy", "test-hack"]));

  // A second tab changes the verdict; this tab still holds the older version.
  const second = await context.newPage();
  await second.goto(url);
  await expect(radio(reviewOf(second), "Approve")).toBeChecked();
  await expect(radio(reviewOf(second), "Approve")).toBeEnabled();
  await second.keyboard.press("r");
  await expect(radio(reviewOf(second), "Reject")).toBeChecked();
  await expect
    .poll(async () => (await (await page.request.get(`/api/episodes/${episodes.keys}/review`)).json()).reviewStatus)
    .toBe("rejected");
  await second.close();

  await page.keyboard.press("c");
  const alert = review.getByRole("alert");
  await expect(alert).toContainText("Someone else changed this judgment");
  await expect(alert).toContainText("Reload");
  await expect(radio(review, "Approve")).toBeChecked();
  await expect(radio(review, "Needs changes")).not.toBeChecked();
  await alert.getByRole("button", { name: "Reload" }).click();
  await expect(radio(review, "Reject")).toBeChecked();
  await expect(review.getByRole("alert")).toHaveCount(0);
  await page.keyboard.press("c");
  await expect(radio(review, "Needs changes")).toBeChecked();
  await expect
    .poll(async () => (await (await page.request.get(`/api/episodes/${episodes.keys}/review`)).json()).reviewStatus)
    .toBe("needs_changes");

  await page.getByRole("navigation", { name: "Episode views" }).getByRole("link", { name: "History" }).click();
  const history = page.getByRole("region", { name: "History" });
  await expect(history.getByText("submitted a judgment")).toBeVisible();
  await expect(history.getByText('verdict: "reject" → "needs_changes"')).toBeVisible();
});

test("comments on the episode and on a step; masks on a range; proposals confirmed", async ({ page }) => {
  const url = `/episodes/${episodes.masks}`;
  await signInAs(page, annotator, url);
  const review = reviewOf(page);
  await review.getByRole("textbox", { name: "Comment", exact: true }).fill("Loops for a while, <b>then</b> gives up.");
  await review.getByRole("button", { name: "Add comment", exact: true }).click();
  const comments = review.getByRole("region", { name: "Comments" });
  await expect(comments.getByRole("listitem").filter({ hasText: "Loops for a while, <b>then</b> gives up." })).toBeVisible();
  await expect(review.getByRole("textbox", { name: "Comment", exact: true })).toHaveValue("");

  const step2 = stepOf(page, 2);
  await step2.getByRole("button", { name: "Comment", exact: true }).click();
  await step2.getByRole("textbox", { name: "Comment on step 2" }).fill("This is where it should have stopped.");
  await step2.getByRole("button", { name: "Add step comment" }).click();
  await expect(step2.getByRole("listitem").filter({ hasText: "This is where it should have stopped." })).toBeVisible();
  await expect(step2.getByRole("textbox", { name: "Comment on step 2" })).toHaveCount(0);
  await expect(comments.getByRole("listitem").filter({ hasText: "This is where it should have stopped." })).toBeVisible();
  await expect(comments.getByRole("link", { name: "step 2" })).toBeVisible();

  // The stuck loop (steps 4–13) is proposed as context only.
  const masks = page.getByRole("region", { name: "Training masks" });
  await expect(masks.getByText(/steps 4–13: context only — Stuck loop/)).toBeVisible();
  const step4 = stepOf(page, 4);
  await expect(maskOf(page, 4)).toHaveValue("context");
  await expect(step4.getByText("proposed", { exact: true })).toBeVisible();
  await expect(maskOf(page, 1)).toHaveValue("train");

  await masks.getByLabel("From step").fill("0");
  await masks.getByLabel("To step").fill("1");
  await masks.getByLabel("Mask", { exact: true }).selectOption({ label: "drop" });
  await masks.getByRole("button", { name: "Set mask" }).click();
  await expect(maskOf(page, 0)).toHaveValue("drop");
  await expect(maskOf(page, 1)).toHaveValue("drop");
  await expect(maskOf(page, 2)).toHaveValue("train");

  await maskOf(page, 3).selectOption({ label: "context only" });
  await expect(masks.getByText("step 3: context only", { exact: true })).toBeVisible();

  await masks.getByRole("button", { name: "Confirm proposals" }).click();
  await expect(masks.getByRole("button", { name: "Confirm proposals" })).toHaveCount(0);
  await expect(maskOf(page, 4)).toHaveValue("context");
  await expect(step4.getByText("proposed", { exact: true })).toHaveCount(0);

  await page.reload();
  await expect(maskOf(page, 1)).toHaveValue("drop");
  await expect(maskOf(page, 4)).toHaveValue("context");
  await expect(step4.getByText("proposed", { exact: true })).toHaveCount(0);
  await expect(step2.getByRole("listitem").filter({ hasText: "This is where it should have stopped." })).toBeVisible();
  const effective = await (await page.request.get(`/api/episodes/${episodes.masks}/masks/effective`)).json();
  expect(effective.runs.map((r: { startStep: number; endStep: number; mask: string; proposed: boolean }) => [r.startStep, r.endStep, r.mask, r.proposed])).toEqual([
    [0, 1, "drop", false],
    [2, 2, "train", false],
    [3, 13, "context", false],
    [14, 14, "train", false],
  ]);
});

async function createQueue(page: Page, name: string, model: string, options: { overlap: number; isBlind: boolean }): Promise<number> {
  const rubrics = (await (await page.request.get("/api/rubrics")).json()) as { items: { id: number; name: string }[] };
  const rubricId = rubrics.items.find((r) => r.name === rubricName)!.id;
  const response = await page.request.post("/api/queues", { data: { name, rubricId, query: `model=judge-${run}/${model}`, ...options } });
  expect(response.status()).toBe(201);
  return (await response.json()).id;
}

/** What "Start reviewing" does on /review: claim my next slot and open it. */
async function startReviewing(page: Page, queueId: number) {
  const claim = await (await page.request.post(`/api/queues/${queueId}/next`)).json();
  expect(claim.slot).not.toBeNull();
  await page.goto(`/episodes/${claim.slot.episodeId}?queue=${queueId}&slot=${claim.slot.id}`);
  return claim.slot.episodeId as number;
}

/** Scores the rubric's required dimensions with the keyboard (Quality is focused first) and gives a verdict. */
async function judgeQuickly(page: Page, verdictKey: "a" | "r" | "c") {
  const review = reviewOf(page);
  await expect(radio(review, "3 — Fine")).toBeEnabled();
  await page.keyboard.press("3");
  await expect(radio(review, "3 — Fine")).toBeChecked();
  await radio(review, "Yes").check();
  await radio(review, "Minimal fix").check();
  await radio(review, "Minimal fix").press(verdictKey);
  await review.getByRole("button", { name: "Submit judgment" }).click();
  await expect(review.getByRole("status").filter({ hasText: "Submitted" })).toHaveText("Submitted");
}

async function adminPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage();
  await signIn(page, "admin");
  return page;
}

test("an annotator works two items of a queue with Next item, then the queue is finished", async ({ page, browser }) => {
  const admin = await adminPage(browser);
  const queueName = `Two items ${run}`;
  const queueId = await createQueue(admin, queueName, "queue", { overlap: 1, isBlind: false });

  await signInAs(page, annotator, "/episodes");
  const first = await startReviewing(page, queueId);
  const review = reviewOf(page);
  await expect(review.getByText(queueName)).toBeVisible();
  await expect(review.getByText(/Reserved for you: \d+ min left/)).toBeVisible();
  await expect(review.getByLabel("Rubric")).toHaveCount(0);
  await expect(review.getByRole("button", { name: "Skip" })).toBeVisible();
  await judgeQuickly(page, "a");
  await expect(review.getByRole("button", { name: "Skip" })).toHaveCount(0);
  await review.getByRole("button", { name: "Next item" }).click();
  await expect(page).toHaveURL(new RegExp(`/episodes/(?!${first}\\?)\\d+\\?queue=${queueId}&slot=\\d+$`));
  await expect(reviewOf(page).getByRole("status").filter({ hasText: /Not started|Draft/ })).toBeVisible();

  await judgeQuickly(page, "r");
  await page.keyboard.press("n");
  await expect(reviewOf(page).getByRole("status").filter({ hasText: "Queue finished" })).toBeVisible();

  const progress = await (await admin.request.get(`/api/queues/${queueId}/progress`)).json();
  expect(progress.overall).toMatchObject({ items: 2, slots: 2, submitted: 2 });
  const verdicts = await Promise.all(
    (await (await admin.request.get(`/api/queues/${queueId}/items`)).json()).items.map(async (item: { episodeId: number }) => {
      const judgments = await (await admin.request.get(`/api/episodes/${item.episodeId}/review/judgments`)).json();
      return judgments.items.find((j: { queueId: number }) => j.queueId === queueId).verdict;
    }),
  );
  expect(verdicts.sort()).toEqual(["approve", "reject"]);
  await admin.close();
});

test("in a blind queue the second annotator sees the first one's judgment only after submitting", async ({ page, browser }) => {
  const admin = await adminPage(browser);
  const queueId = await createQueue(admin, `Blind pair ${run}`, "blind", { overlap: 2, isBlind: true });
  await admin.close();

  await signInAs(page, annotator, "/episodes");
  await startReviewing(page, queueId);
  await judgeQuickly(page, "a");

  const bobContext = await browser.newContext();
  const bob = await bobContext.newPage();
  await signInAs(bob, secondAnnotator, "/episodes");
  await startReviewing(bob, queueId);
  const others = reviewOf(bob).getByRole("region", { name: "Other judgments" });
  await expect(others.getByText("Hidden until you submit")).toBeVisible();
  await expect(others.getByText("Approve")).toHaveCount(0);
  // Nor do the header, the list or its counts tell bob what ann's judgment made of the item.
  const header = bob.locator("article header").first();
  const listed = async () => (await (await bob.request.get(`/api/episodes?model=judge-${run}/blind`)).json()).items[0];
  await expect(header).toContainText("review: pending");
  await expect(header.getByText("minimal", { exact: true })).toHaveCount(0);
  expect(await listed()).toMatchObject({ reviewStatus: "pending", score: null, labels: [] });
  expect((await (await bob.request.get(`/api/episodes/facets?model=judge-${run}/blind&label=minimal`)).json()).total).toBe(0);
  expect((await (await page.request.get(`/api/episodes/facets?model=judge-${run}/blind&label=minimal`)).json()).total).toBe(1);
  await judgeQuickly(bob, "r");
  await expect(others.getByText("Hidden until you submit")).toHaveCount(0);
  await expect(others.getByRole("listitem").filter({ hasText: "Approve" })).toContainText("judge-ann");
  expect(await listed()).toMatchObject({ labels: ["minimal"], score: expect.any(Number) });
  await bob.reload();
  await expect(header.getByText("minimal", { exact: true })).toBeVisible();
  await bobContext.close();
});
