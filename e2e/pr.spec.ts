import { expect, test, type Locator, type Page } from "@playwright/test";
import { signIn } from "./support";

// The sample corpus holds 30 pull-request-derived ("contextual") samples; the viewer renders this
// view on the episode page's "Pull request" tab (`?tab=pr`).

type PullRequest = {
  number: number;
  title: string;
  body: string;
  issue: { number: number | null; title: string; body: string } | null;
  files: { path: string; content: string }[];
  commits: { sha: string; message: string }[];
};
type Part = { type: string; path?: string; operation?: string; newText?: string };

/** A short word of the text that Monaco shows whole (it renders spaces as no-break spaces and may wrap lines). */
function tokenOf(text: string): string | undefined {
  const words = text.match(/[A-Za-z_][A-Za-z0-9_]{3,30}/g) ?? [];
  return words.sort((x, y) => y.length - x.length)[0];
}

async function samplePullRequest(page: Page) {
  const list = await (await page.request.get("/api/episodes?kind=contextual&limit=50")).json();
  expect(list.items.length).toBeGreaterThanOrEqual(30);
  for (const item of list.items as { id: number }[]) {
    const episode = await (await page.request.get(`/api/episodes/${item.id}`)).json();
    const pr: PullRequest = episode.content.pullRequest;
    if (pr.issue && pr.files.length >= 2 && pr.commits.length >= 2) {
      const { steps } = await (await page.request.get(`/api/episodes/${item.id}/steps?limit=500`)).json();
      const edits: Part[] = steps.flatMap((s: { parts: Part[] }) => s.parts).filter((p: Part) => p.type === "file_edit");
      const replace = edits.find((e) => e.operation === "str_replace" && tokenOf(e.newText ?? ""));
      if (replace) return { id: item.id as number, pr, edits, replace };
    }
  }
  throw new Error("no pull-request sample with an issue, two files, two commits and a str_replace edit");
}

const monacoText = (box: Locator) => box.locator(".view-lines").first();

test("a pull-request sample reads as its issue, description, files, edits and commits", async ({ page }) => {
  await signIn(page, "viewer");
  const { id, pr, edits, replace } = await samplePullRequest(page);
  await page.goto(`/episodes/${id}?tab=pr`);

  const view = page.getByRole("article", { name: `Pull request #${pr.number}` });
  await expect(view.getByRole("heading", { level: 2, name: pr.title })).toBeVisible();

  // The issue, its Markdown rendered (headings become headings, no literal "###").
  const issue = view.getByRole("region", { name: "Issue" });
  await expect(issue).toContainText(pr.issue!.title);
  await expect(issue).toContainText(`#${pr.issue!.number}`);
  await expect(issue).not.toContainText("###");

  // The description: its "### Changes" is a heading, its bullet points list items.
  const description = view.getByRole("region", { name: "Pull request description" });
  await expect(description.getByRole("heading", { name: "Changes" })).toBeVisible();
  const bullets = pr.body.split("\n").filter((line) => line.startsWith("- "));
  await expect(description.getByRole("listitem")).toHaveCount(bullets.length);
  await expect(description.getByRole("listitem").first()).toHaveText(bullets[0].slice(2).replace(/`/g, ""));

  // Relevant files: the first is open in Monaco, with syntax highlighting; another one is a click away.
  const files = view.getByRole("region", { name: "Relevant files" });
  const fileButtons = files.getByRole("navigation", { name: "Relevant files" }).getByRole("button");
  await expect(fileButtons).toHaveText(pr.files.map((f) => f.path));
  const [first, second] = pr.files;
  const firstBox = files.getByRole("group", { name: `File ${first.path}` });
  await expect(monacoText(firstBox)).toContainText(tokenOf(first.content.split("\n").slice(0, 5).join("\n"))!);
  const tokenClasses = () => firstBox.locator(".view-lines span span").evaluateAll((spans) => new Set(spans.map((s) => s.className)).size);
  await expect.poll(tokenClasses, { message: "highlighted tokens get their own colour classes" }).toBeGreaterThan(1);
  await fileButtons.filter({ hasText: second.path }).click();
  await expect(fileButtons.filter({ hasText: second.path })).toHaveAttribute("aria-pressed", "true");
  await expect(monacoText(files.getByRole("group", { name: `File ${second.path}` }))).toContainText(
    tokenOf(second.content.split("\n").slice(0, 5).join("\n"))!,
  );

  // Every edit is listed; a str_replace shows as a Monaco diff holding its new text.
  const editList = view.getByRole("region", { name: "Edits" });
  await expect(editList.getByRole("list", { name: "Edits" }).locator(":scope > li")).toHaveCount(edits.length);
  const n = edits.indexOf(replace) + 1;
  const editItem = editList.getByRole("listitem", { name: `Edit ${n}`, exact: true });
  await expect(editItem).toContainText(replace.path!);
  const diff = editItem.getByRole("group", { name: `Diff of ${replace.path}` });
  await expect(diff.locator(".monaco-diff-editor")).toBeVisible();
  await expect(diff.locator(".modified .view-lines")).toContainText(tokenOf(replace.newText!)!);

  // The commits: short sha and subject line, in order.
  const commits = view.getByRole("region", { name: "Commits" }).getByRole("list", { name: "Commits" }).getByRole("listitem");
  await expect(commits).toHaveCount(pr.commits.length);
  for (const [i, commit] of pr.commits.entries()) {
    await expect(commits.nth(i)).toContainText(commit.sha.slice(0, 10));
    await expect(commits.nth(i)).toContainText(commit.message.split("\n")[0]);
  }
});
