/**
 * The task inside an agent's first prompt. Agents wrap the issue in their instance template
 * (`<pr_description>` in SWE-agent 1.x and mini-swe-agent, `ISSUE: … INSTRUCTIONS:` in SWE-agent
 * 0.x); the bare issue is what curators search and deduplicate on.
 */

const tags = ["pr_description", "issue", "github_issue", "problem_statement", "task"];
/** mini-swe-agent's template repeats this line inside the tag. */
const leadIns = ["Consider the following PR description:"];

/** The issue text wrapped in a known template, or null when the prompt has no such wrapper. */
export function taskTextFromPrompt(prompt: string): string | null {
  for (const tag of tags) {
    const inner = between(prompt, `<${tag}>`, `</${tag}>`);
    if (inner !== null) return withoutLeadIn(inner.trim());
  }
  const issue = between(prompt, "ISSUE:\n", "\n\nINSTRUCTIONS:");
  return issue === null ? null : issue.trim();
}

function between(text: string, open: string, close: string): string | null {
  const start = text.indexOf(open);
  if (start === -1) return null;
  const end = text.indexOf(close, start + open.length);
  return end === -1 ? null : text.slice(start + open.length, end);
}

function withoutLeadIn(text: string): string {
  const leadIn = leadIns.find((l) => text.startsWith(l));
  return leadIn ? text.slice(leadIn.length).trimStart() : text;
}
