import { randomBytes } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { signIn } from "./support";

/** The review team e2e/prepare.ts creates (two annotators and a reviewer). */
const team = {
  annotator1: { email: process.env.E2E_ANNOTATOR1_EMAIL ?? "", password: process.env.E2E_ANNOTATOR1_PASSWORD ?? "" },
  annotator2: { email: process.env.E2E_ANNOTATOR2_EMAIL ?? "", password: process.env.E2E_ANNOTATOR2_PASSWORD ?? "" },
  reviewer: { email: process.env.E2E_REVIEWER_EMAIL ?? "", password: process.env.E2E_REVIEWER_PASSWORD ?? "" },
};

/** Each person in their own browser context, signed in through the form. */
async function personIn(browser: Browser, who: keyof typeof team, next: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel("Email").fill(team[who].email);
  await page.getByLabel("Password").fill(team[who].password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`${next}$`));
  return page;
}

/** An environmental episode alone on its instance: a filter matching exactly it makes a one-item queue. */
async function loneEpisode(page: Page): Promise<{ id: number; instanceId: string }> {
  const list = (await (await page.request.get("/api/episodes?source=swe-agent&limit=40")).json()) as { items: { id: number; instanceId: string }[] };
  for (const item of list.items) {
    const same = (await (await page.request.get(`/api/episodes?instance=${encodeURIComponent(item.instanceId)}&limit=1`)).json()) as { total: number };
    if (same.total === 1) return item;
  }
  throw new Error("The sample corpus has no SWE-agent episode alone on its instance.");
}

/** Claim from the queue's card on /review: lands on the episode with the queue context. */
async function startReviewing(page: Page, queueName: string, episodeId: number): Promise<number> {
  await page.getByRole("article", { name: queueName }).getByRole("button", { name: `Start reviewing ${queueName}` }).click();
  await expect(page).toHaveURL(new RegExp(`/episodes/${episodeId}\\?queue=\\d+&slot=\\d+$`));
  return Number(new URL(page.url()).searchParams.get("slot"));
}

async function judge(page: Page, answers: { correctness: string; testsPass: string; verdict: string; reason: string }) {
  const panel = page.getByRole("region", { name: "Review" });
  await panel.getByRole("group", { name: "Correctness" }).getByRole("radio", { name: answers.correctness }).check();
  await panel.getByRole("group", { name: "Tests pass" }).getByRole("radio", { name: answers.testsPass }).check();
  await panel.getByRole("radio", { name: answers.verdict, exact: true }).check();
  await panel.getByRole("textbox", { name: "Reason" }).fill(answers.reason);
  await panel.getByRole("button", { name: "Submit judgment" }).click();
  await expect(panel.getByRole("status").filter({ hasText: "Submitted" })).toBeVisible();
  return panel;
}

test("a full round: an admin sets up a rubric and a blind queue, two annotators judge blind, a reviewer resolves the conflict, the audit trail shows it all", async ({
  page: admin,
  browser,
}) => {
  const suffix = randomBytes(4).toString("hex");
  const rubricName = `Round rubric ${suffix}`;
  const queueName = `Round ${suffix}`;
  const reasons = { first: `Clean fix ${suffix}`, second: `Breaks other tests ${suffix}`, final: `Two tests fail on main ${suffix}` };

  // The admin: a rubric with an anchored scale and a yes / no dimension...
  await signIn(admin, "admin", "/review/rubrics");
  await admin.getByRole("button", { name: "New rubric" }).click();
  const editor = admin.getByRole("form", { name: "New rubric" });
  await editor.getByLabel("Rubric name").fill(rubricName);
  await editor.getByLabel("Instructions").fill("Judge the final patch against the issue.");
  const scale = editor.getByRole("group", { name: "Dimension 1" });
  await scale.getByLabel("Label", { exact: true }).fill("Correctness");
  await scale.getByLabel("Point 1 anchor").fill("Wrong");
  await scale.getByLabel("Point 2 anchor").fill("Partly right");
  await scale.getByLabel("Point 3 anchor").fill("Right");
  await editor.getByRole("button", { name: "Add dimension" }).click();
  const flag = editor.getByRole("group", { name: "Dimension 2" });
  await flag.getByLabel("Type").selectOption({ label: "Yes / no" });
  await flag.getByLabel("Label", { exact: true }).fill("Tests pass");
  await editor.getByRole("button", { name: "Create rubric" }).click();
  await expect(admin.getByRole("status")).toHaveText(`Rubric "${rubricName}" created (version 1).`);

  // ...and a blind queue, two annotators per item, over a filter matching one episode.
  const episode = await loneEpisode(admin);
  await admin.goto("/review");
  await admin.getByRole("button", { name: "New queue" }).click();
  const form = admin.getByRole("form", { name: "New queue" });
  await form.getByLabel("Queue name").fill(queueName);
  await form.getByLabel("Rubric").selectOption({ label: `${rubricName} (version 1)` });
  await form.getByLabel("Filter query").fill(`/episodes?instance=${episode.instanceId}`);
  await expect(form.getByRole("status")).toHaveText("Matches 1 episode now.");
  await form.getByLabel("Annotators per item").fill("2");
  await form.getByLabel("Blind review").check();
  await form.getByRole("button", { name: "Create queue" }).click();
  await expect(admin.getByRole("status")).toHaveText(`Queue "${queueName}" created with 1 item.`);
  const card = admin.getByRole("article", { name: queueName });
  await expect(card).toContainText("blind");
  await expect(card).toContainText("0 of 2 judgments submitted (0%) · 0 of 1 item complete");

  // Annotator 1 claims the item and approves it.
  const first = await personIn(browser, "annotator1", "/review");
  const firstSlot = await startReviewing(first, queueName, episode.id);
  const firstPanel = await judge(first, { correctness: "3 — Right", testsPass: "Yes", verdict: "Approve", reason: reasons.first });

  // Annotator 2 gets the other slot of the same item and cannot see annotator 1's judgment before submitting.
  const second = await personIn(browser, "annotator2", "/review");
  const secondSlot = await startReviewing(second, queueName, episode.id);
  expect(secondSlot).not.toBe(firstSlot);
  const hidden = (await (await second.request.get(`/api/episodes/${episode.id}/review/judgments`)).json()) as { items: unknown[]; hidden: number };
  expect(hidden).toMatchObject({ items: [], hidden: 1 });
  await expect(second.getByText(reasons.first)).toHaveCount(0);
  await judge(second, { correctness: "1 — Wrong", testsPass: "No", verdict: "Reject", reason: reasons.second });
  await second.reload();
  await expect(second.getByRole("region", { name: "Review" }).getByText(reasons.first)).toBeVisible();

  // Nothing is left for annotator 1.
  await firstPanel.getByRole("button", { name: "Next item" }).click();
  await expect(firstPanel.getByRole("status").filter({ hasText: "Queue finished" })).toBeVisible();

  // Progress: the queue and each annotator are done.
  await admin.reload();
  await expect(card).toContainText("2 of 2 judgments submitted (100%) · 1 of 1 item complete");
  await expect(card.getByRole("progressbar", { name: `Progress of ${queueName}` })).toHaveAttribute("aria-valuenow", "100");
  for (const who of [team.annotator1.email, team.annotator2.email])
    await expect(card.getByRole("progressbar", { name: `Progress of ${who} in ${queueName}` })).toHaveAttribute("aria-valuenow", "100");

  // The reviewer: agreement over the one shared item, the conflict with both sides, the decision.
  const reviewer = await personIn(browser, "reviewer", "/review");
  await reviewer.getByRole("article", { name: queueName }).getByRole("link", { name: queueName, exact: true }).click();
  await expect(reviewer.getByRole("heading", { level: 1 })).toHaveText(queueName);
  const alpha = reviewer.getByRole("table", { name: "Krippendorff's alpha per dimension" });
  await expect(alpha.getByRole("row", { name: /^Verdict/ }).getByRole("cell").nth(3)).toHaveText("1");
  const [a, b] = [team.annotator1.email, team.annotator2.email].sort();
  await expect(reviewer.getByRole("table", { name: "Cohen's kappa per annotator pair" }).getByRole("row", { name: `${a} and ${b}` })).toContainText("(1 item)");

  const conflict = reviewer.getByRole("article", { name: `Conflict on episode ${episode.id}` });
  await expect(conflict).toContainText("Disagree on: Verdict, Correctness, Tests pass");
  const firstSide = conflict.getByRole("region", { name: `Judgment by ${team.annotator1.email}` });
  await expect(firstSide).toContainText("Approve");
  await expect(firstSide).toContainText("3 — Right");
  await expect(firstSide).toContainText(reasons.first);
  const secondSide = conflict.getByRole("region", { name: `Judgment by ${team.annotator2.email}` });
  await expect(secondSide).toContainText("Reject");
  await expect(secondSide).toContainText("1 — Wrong");
  await expect(secondSide).toContainText(reasons.second);
  await conflict.getByRole("radio", { name: "Reject" }).check();
  await conflict.getByRole("textbox", { name: "Reason" }).fill(reasons.final);
  await conflict.getByRole("button", { name: "Resolve" }).click();
  await expect(reviewer.getByRole("status")).toHaveText(`Resolved episode ${episode.id}: Reject.`);
  await expect(reviewer.getByText("No open conflicts")).toBeVisible();
  await reviewer.getByRole("radio", { name: "Resolved" }).check();
  await expect(conflict).toContainText(`Resolved by ${team.reviewer.email}`);
  await expect(conflict).toContainText(reasons.final);
  const review = (await (await reviewer.request.get(`/api/episodes/${episode.id}/review`)).json()) as { reviewStatus: string };
  expect(review.reviewStatus).toBe("rejected");

  // The audit trail: both judgments and the decision on the episode, with both sides recorded.
  await admin.goto("/admin/audit");
  await admin.getByLabel("Target type").selectOption({ label: "Episode" });
  await admin.getByLabel("Target id").fill(String(episode.id));
  await admin.getByRole("button", { name: "Apply filters" }).click();
  const events = admin.getByRole("table", { name: "Audit events, newest first" });
  for (const who of [team.annotator1.email, team.annotator2.email]) await expect(events.getByRole("row").filter({ hasText: "judgment.submit" }).filter({ hasText: who })).toHaveCount(1);
  const decision = events.getByRole("row").filter({ hasText: "adjudication.create" });
  await expect(decision).toHaveCount(1);
  await expect(decision).toContainText(team.reviewer.email);
  await expect(decision).toContainText("verdict: — → reject");
  await expect(decision).toContainText(`reason: — → ${reasons.final}`);
  await decision.getByText("Before and after").click();
  await expect(decision.locator("pre")).toContainText(team.annotator1.email);
  await expect(decision.locator("pre")).toContainText(team.annotator2.email);

  // The queue's own trail shows its creation by the admin.
  await admin.getByLabel("Target type").selectOption({ label: "Queue" });
  await admin.getByLabel("Target id").fill(new URL(first.url()).searchParams.get("queue")!);
  await admin.getByRole("button", { name: "Apply filters" }).click();
  await expect(events.getByRole("row").filter({ hasText: "queue.create" })).toContainText(`name: — → ${queueName}`);

  for (const page of [first, second, reviewer]) await page.context().close();
});
