import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { accounts, signIn } from "./support";

type Listed = { items: { id: number }[]; total: number };

async function listEpisodes(page: Page, query: string): Promise<Listed> {
  const response = await page.request.get(`/api/episodes?${query}&limit=5`);
  expect(response.ok()).toBe(true);
  return response.json();
}

test("an admin builds a rubric with anchored scale points, a used version turns into a new one, and a queue from a saved view shows its progress", async ({ page }) => {
  const suffix = randomBytes(4).toString("hex");
  const rubricName = `Patch craft ${suffix}`;
  await signIn(page, "admin", "/review/rubrics");

  // The editor: an ordinal dimension with anchors and a yes / no one; problems are named by place.
  await page.getByRole("button", { name: "New rubric" }).click();
  const editor = page.getByRole("form", { name: "New rubric" });
  await editor.getByLabel("Rubric name").fill(rubricName);
  await editor.getByLabel("Instructions").fill("Read the **final patch** first.");
  const scale = editor.getByRole("group", { name: "Dimension 1" });
  await scale.getByLabel("Label", { exact: true }).fill("Code quality");
  await expect(scale.getByLabel("Key")).toHaveValue("code_quality");
  await scale.getByLabel("Point 1 anchor").fill("Sloppy");
  await scale.getByLabel("Point 3 anchor").fill("Clean");
  await editor.getByRole("button", { name: "Add dimension" }).click();
  const flag = editor.getByRole("group", { name: "Dimension 2" });
  await flag.getByLabel("Type").selectOption({ label: "Yes / no" });
  await flag.getByLabel("Label", { exact: true }).fill("Has tests");
  await editor.getByRole("button", { name: "Create rubric" }).click();
  await expect(editor.getByRole("alert")).toContainText("Dimension 1 (Code quality) › point 2 › anchor: Give it a label.");
  await scale.getByLabel("Point 2 anchor").fill("Adequate");
  await editor.getByRole("button", { name: "Create rubric" }).click();
  await expect(page.getByRole("status")).toHaveText(`Rubric "${rubricName}" created (version 1).`);

  const card = page.getByRole("article", { name: rubricName });
  await expect(card.getByRole("row", { name: /Code quality/ })).toContainText("1 — Sloppy · 2 — Adequate · 3 — Clean");
  await expect(card.getByRole("row", { name: /Has tests/ })).toContainText("Yes / no");
  await expect(card).toContainText("version 1 · not used yet");

  // Someone judges under version 1: it is frozen, so an edit makes version 2.
  const rubrics = (await (await page.request.get("/api/rubrics")).json()) as { items: { name: string; current: { id: number } }[] };
  const versionOne = rubrics.items.find((r) => r.name === rubricName)!.current.id;
  const mini = await listEpisodes(page, "source=mini-swe-agent");
  const judged = await page.request.post(`/api/episodes/${mini.items[0].id}/review/judgments`, {
    data: { rubricVersionId: versionOne, scores: { code_quality: 3, has_tests: true }, verdict: "approve", reason: "Tidy", submit: true },
  });
  expect(judged.status()).toBe(201);
  await page.reload();
  await expect(card).toContainText("version 1 · in use (frozen)");
  await card.getByRole("button", { name: `Edit ${rubricName}` }).click();
  const edit = page.getByRole("form", { name: `Edit ${rubricName}` });
  await expect(edit).toContainText("Version 1 is in use: changing the instructions or dimensions saves version 2");
  await edit.getByRole("group", { name: "Dimension 1" }).getByLabel("Point 3 anchor").fill("Exemplary");
  await edit.getByRole("button", { name: "Save rubric" }).click();
  await expect(page.getByRole("status")).toHaveText(`Saved "${rubricName}" as version 2: version 1 stays as it was for the judgments given under it.`);
  await expect(card.getByRole("row", { name: /Code quality/ })).toContainText("3 — Exemplary");
  const versions = card.getByRole("list", { name: `Versions of ${rubricName}` });
  await expect(versions.getByRole("listitem")).toHaveCount(2);
  await expect(versions.getByRole("listitem").nth(0)).toContainText("Version 2current");
  await expect(versions.getByRole("listitem").nth(1)).toContainText("used by 1 judgment (frozen)");
  await versions.getByRole("button", { name: "Show version 1" }).click();
  await expect(versions.getByRole("table")).toContainText("1 — Sloppy · 2 — Adequate · 3 — Clean");

  // A queue over a saved view, two annotators per item.
  const viewName = `mini ${suffix}`;
  expect((await page.request.post("/api/views", { data: { name: viewName, query: "source=mini-swe-agent", isShared: false } })).status()).toBe(201);
  const queueName = `Craft check ${suffix}`;
  await page.goto("/review");
  await page.getByRole("button", { name: "New queue" }).click();
  const form = page.getByRole("form", { name: "New queue" });
  await form.getByLabel("Queue name").fill(queueName);
  await form.getByLabel("Rubric").selectOption({ label: `${rubricName} (version 2)` });
  await form.getByRole("radio", { name: "A saved view" }).check();
  await form.getByLabel("Saved view", { exact: true }).selectOption({ label: viewName });
  await expect(form.getByRole("status")).toHaveText(`Matches ${mini.total} episodes now.`);
  await form.getByLabel("Annotators per item").fill("2");
  await form.getByLabel("Blind review").uncheck();
  await form.getByRole("button", { name: "Create queue" }).click();
  await expect(page.getByRole("status")).toHaveText(`Queue "${queueName}" created with ${mini.total} items.`);

  const queueCard = page.getByRole("article", { name: queueName });
  await expect(queueCard.getByRole("progressbar", { name: `Progress of ${queueName}` })).toHaveAttribute("aria-valuenow", "0");
  await expect(queueCard).toContainText(`0 of ${mini.total * 2} judgments submitted (0%) · 0 of ${mini.total} items complete`);
  await expect(queueCard).toContainText("Nobody has claimed an item yet.");
  await expect(queueCard.getByRole("button", { name: `Start reviewing ${queueName}` })).toBeVisible();

  // Its page: agreement is empty so far; a gold item joins (a new item, with its two slots).
  await queueCard.getByRole("link", { name: queueName, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(queueName);
  const alpha = page.getByRole("table", { name: "Krippendorff's alpha per dimension" });
  await expect(alpha.getByRole("row")).toHaveCount(4);
  await expect(alpha.getByRole("row", { name: /Code quality/ })).toContainText("ordinalundefined");
  const pr = await listEpisodes(page, "source=atelier-pr");
  const gold = page.getByRole("form", { name: "Add a gold item" });
  await gold.getByLabel("Episode id").fill(String(pr.items[0].id));
  await gold.getByLabel("Known verdict").selectOption({ label: "Reject" });
  await gold.getByLabel("Known Code quality").selectOption({ label: "1 — Sloppy" });
  await gold.getByRole("button", { name: "Add gold item" }).click();
  await expect(gold.getByRole("status")).toHaveText("Gold item added.");
  const goldRow = page.getByRole("row", { name: new RegExp(`Episode ${pr.items[0].id}`) });
  await expect(goldRow).toContainText("Reject");
  await expect(goldRow).toContainText("Code quality: 1 — Sloppy");
  await expect(page.getByRole("region", { name: "Progress" })).toContainText(`0 of ${(mini.total + 1) * 2} judgments submitted (0%) · 0 of ${mini.total + 1} items complete`);
});

test("statistics and the audit trail render for an admin; viewers read queues without managing them", async ({ page, browser }) => {
  const suffix = randomBytes(4).toString("hex");
  await signIn(page, "admin", "/review/stats");
  // A judgment today, so the period has something to draw.
  const rubric = await page.request.post("/api/rubrics", {
    data: { name: `Stats check ${suffix}`, dimensions: [{ key: "ok", label: "OK", type: "boolean" }] },
  });
  expect(rubric.status()).toBe(201);
  const { id: rubricId, current } = (await rubric.json()) as { id: number; current: { id: number } };
  const episodes = await listEpisodes(page, "source=mini-swe-agent");
  const episodeId = episodes.items[1].id;
  const judged = await page.request.post(`/api/episodes/${episodeId}/review/judgments`, {
    data: { rubricVersionId: current.id, scores: { ok: false }, verdict: "needs_changes", reason: "Missing a test", submit: true },
  });
  expect(judged.status()).toBe(201);
  const stats = (await (await page.request.get("/api/annotators/stats?from=2000-01-01")).json()) as {
    items: { annotator: { email: string }; submitted: number; verdicts: { approve: number; reject: number; needs_changes: number } }[];
  };
  const mine = stats.items.find((s) => s.annotator.email === accounts.admin.email)!;

  await page.getByLabel("Period", { exact: true }).selectOption({ label: "Last 7 days" });
  await expect(page).toHaveURL(/\/review\/stats\?days=7$/);
  for (const title of ["Items per day", "Median time per item", "Agreement with peers and gold", "Verdict mix"])
    await expect(page.getByRole("group", { name: title })).toBeVisible();
  await expect(page.getByRole("img", { name: /^Bar chart: \d+ judgments submitted over 7 days/ })).toBeVisible();
  const row = page.getByRole("table", { name: "Annotators in this period" }).getByRole("row", { name: new RegExp(accounts.admin.email) });
  await expect(row.getByRole("cell")).toHaveText([String(mine.submitted), /\d+ s|min|h/, /.*/, /.*/, String(mine.verdicts.approve), String(mine.verdicts.reject), String(mine.verdicts.needs_changes)]);

  // One queue's statistics: the picker keeps the period; only that queue's judgments count.
  const queueName = `Stats queue ${suffix}`;
  const created = await page.request.post("/api/queues", { data: { name: queueName, rubricId, query: "source=mini-swe-agent", overlap: 1, isBlind: false } });
  expect(created.status()).toBe(201);
  const queueId = ((await created.json()) as { id: number }).id;
  await page.reload();
  await page.getByLabel("Queue", { exact: true }).selectOption({ label: queueName });
  await expect(page).toHaveURL(new RegExp(`/review/stats\\?days=7&queue=${queueId}$`));
  await expect(page.getByText("No judgments were submitted in this period in this queue.")).toBeVisible();
  const claim = (await (await page.request.post(`/api/queues/${queueId}/next`)).json()) as { slot: { episodeId: number } };
  const inQueue = await page.request.post(`/api/episodes/${claim.slot.episodeId}/review/judgments`, {
    data: { rubricVersionId: current.id, queueId, scores: { ok: true }, verdict: "approve", reason: "Fine", submit: true },
  });
  expect(inQueue.status()).toBe(201);
  await page.reload();
  await expect(page.getByLabel("Queue", { exact: true })).toHaveValue(String(queueId));
  await expect(row.getByRole("cell")).toHaveText(["1", /\d+ s|min|h/, /.*/, /.*/, "1", "0", "0"]);
  await page.getByLabel("Period", { exact: true }).selectOption({ label: "Last 90 days" });
  await expect(page).toHaveURL(new RegExp(`/review/stats\\?days=90&queue=${queueId}$`));

  // The audit trail: filtered to the rubric, read only.
  await page.goto("/admin/audit");
  await page.getByLabel("Target type").selectOption({ label: "Rubric" });
  await page.getByLabel("Target id").fill(String(rubricId));
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/audit\\?targetType=rubric&targetId=${rubricId}$`));
  const events = page.getByRole("table", { name: "Audit events, newest first" });
  await expect(events.getByRole("row")).toHaveCount(2);
  await expect(events.getByRole("row").nth(1)).toContainText(`${accounts.admin.email}rubric.createrubric ${rubricId}`);
  await expect(events.getByRole("row").nth(1)).toContainText(`name: — → Stats check ${suffix}`);
  await expect(events.getByRole("button", { name: /edit|delete/i })).toHaveCount(0);

  await page.getByLabel("Target type").selectOption({ label: "Episode" });
  await page.getByLabel("Target id").fill(String(episodeId));
  await page.getByRole("button", { name: "Apply filters" }).click();
  const submitted = events.getByRole("row").filter({ hasText: "judgment.submit" }).filter({ hasText: "Missing a test" });
  await expect(submitted).toHaveCount(1);
  await expect(submitted).toContainText(accounts.admin.email);
  await submitted.getByRole("button", { name: `Only events by ${accounts.admin.email}` }).click();
  await expect(page).toHaveURL(/actorId=/);
  const actor = page.getByLabel("Actor", { exact: true });
  await expect(actor.locator("option:checked")).toContainText(accounts.admin.email);

  // The actor picker lists every account; anyone, then the admin again, picked from it.
  await actor.selectOption({ label: "Anyone" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).not.toHaveURL(/actorId=/);
  const adminLabel = (await actor.locator("option", { hasText: accounts.admin.email }).textContent())!;
  await expect(actor.locator("option", { hasText: accounts.viewer.email })).toHaveCount(1);
  await actor.selectOption({ label: adminLabel });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/audit\\?targetType=episode&targetId=${episodeId}&actorId=`));
  await expect(submitted).toHaveCount(1);
  await expect(events.getByRole("row").filter({ hasNotText: accounts.admin.email })).toHaveCount(1);

  const viewerContext = await browser.newContext();
  const viewer = await viewerContext.newPage();
  await signIn(viewer, "viewer", "/review");
  await expect(viewer.getByRole("heading", { name: "Review", level: 1 })).toBeVisible();
  await expect(viewer.getByRole("progressbar").first()).toBeVisible();
  await expect(viewer.getByRole("button", { name: "New queue" })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: /^Start reviewing/ })).toHaveCount(0);
  await expect(viewer.getByRole("link", { name: "Statistics" })).toHaveCount(0);
  await expect(viewer.getByRole("link", { name: "Admin" })).toHaveCount(0);
  await viewer.goto("/admin/audit");
  await expect(viewer.getByText("The whole trail needs the reviewer role; you are viewer.")).toBeVisible();
  await viewerContext.close();
});
