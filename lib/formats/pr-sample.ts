/**
 * Pull-request-derived (contextually-native) samples in Atelier's own schema, documented in
 * `pr-sample.md`. No common file format exists for these, so the schema is strict: a sample that
 * does not validate is rejected with the exact field at fault.
 */
import { z } from "zod";
import { emptyOutcome, emptySourceMetrics, type FileEditPart, type NormalizedEpisode, type Step } from "./episode";
import { RecordError, type FormatModule } from "./format-module";
import { isObject, type JsonObject } from "./record-fields";

export const prSampleFormatTag = "atelier-pr-v1";

const pathSchema = z.string().min(1);
const optionalText = z.string().nullable().optional();

export const prEditSchema = z.discriminatedUnion("op", [
  z.object({ op: z.literal("str_replace"), path: pathSchema, old: z.string(), new: z.string() }),
  /** `line`: the 1-based line after which `text` goes (0 = top of the file). */
  z.object({ op: z.literal("insert"), path: pathSchema, line: z.number().int().min(0), text: z.string() }),
  z.object({ op: z.literal("create"), path: pathSchema, content: z.string() }),
  z.object({ op: z.literal("delete"), path: pathSchema }),
  z.object({ op: z.literal("rename"), path: pathSchema, new_path: pathSchema }),
]);
export type PrEdit = z.infer<typeof prEditSchema>;

export const prSampleSchema = z.object({
  format: z.literal(prSampleFormatTag),
  id: z.string().min(1).optional(),
  repo: z.object({
    name: z.string().regex(/^[^/\s]+\/[^/\s]+$/, "expected owner/name"),
    url: optionalText,
    license: optionalText,
    language: optionalText,
    description: optionalText,
    stars: z.number().int().min(0).nullable().optional(),
  }),
  base_commit: z.string().regex(/^[0-9a-f]{40}$/i, "expected a 40-hex commit sha").nullable().optional(),
  issue: z
    .object({ number: z.number().int().nullable().optional(), title: z.string(), body: z.string().default("") })
    .nullable()
    .optional(),
  pull_request: z.object({
    number: z.number().int().min(1),
    title: z.string(),
    body: z.string().default(""),
    url: optionalText,
    merged_at: optionalText,
  }),
  /** The relevant files as they were before the pull request. */
  files: z.array(z.object({ path: pathSchema, content: z.string(), language: optionalText })).default([]),
  edits: z.array(prEditSchema).default([]),
  commits: z.array(z.object({ sha: z.string().min(1), message: z.string(), diff: z.string() })).default([]),
  summary: optionalText,
  /** Producer-specific extras, copied to the episode meta. */
  meta: z.record(z.string(), z.unknown()).optional(),
});
export type PrSample = z.infer<typeof prSampleSchema>;

export const prSampleFormat: FormatModule = {
  name: "atelier-pr",
  description: "Atelier pull-request-derived samples (format atelier-pr-v1, see lib/formats/pr-sample.md)",
  detect(sample) {
    return isObject(sample) && sample.format === prSampleFormatTag ? 0.99 : 0;
  },
  parse(record) {
    if (!isObject(record)) throw new RecordError("$", "expected a pull-request sample object");
    const result = prSampleSchema.safeParse(record);
    if (!result.success) {
      const [issue] = result.error.issues;
      const more = result.error.issues.length - 1;
      throw new RecordError(fieldPath(issue.path), issue.message + (more > 0 ? ` (and ${more} more issue(s))` : ""));
    }
    return { type: "episodes", episodes: [episodeOf(result.data)] };
  },
};

/** `["edits", 2, "path"]` -> `edits[2].path`. */
function fieldPath(path: readonly PropertyKey[]): string {
  let field = "";
  for (const key of path) field += typeof key === "number" ? `[${key}]` : `${field ? "." : ""}${String(key)}`;
  return field || "$";
}

function episodeOf(sample: PrSample): NormalizedEpisode {
  const { repo, issue, pull_request: pr } = sample;
  const [owner, name] = repo.name.split("/");
  const diffs = sample.commits.map((c) => c.diff).filter((d) => d.trim() !== "");
  return {
    kind: "contextual",
    sourceFormat: "atelier-pr",
    formatVersion: prSampleFormatTag,
    instanceId: sample.id ?? `${owner}__${name}-${pr.number}`,
    repo: repo.name,
    baseCommit: sample.base_commit ?? null,
    taskText: issue ? joinText(issue.title, issue.body) : joinText(pr.title, pr.body),
    agent: null,
    model: null,
    attempt: null,
    outcome: emptyOutcome(),
    sourceMetrics: emptySourceMetrics(),
    finalPatch: diffs.length > 0 ? diffs.map((d) => (d.endsWith("\n") ? d : `${d}\n`)).join("") : null,
    goldPatch: null,
    testPatch: null,
    pullRequest: {
      number: pr.number,
      title: pr.title,
      body: pr.body,
      url: pr.url ?? null,
      issue: issue ? { number: issue.number ?? null, title: issue.title, body: issue.body } : null,
      license: repo.license ?? null,
      files: sample.files.map((f) => ({ path: f.path, content: f.content, language: f.language ?? null })),
      commits: sample.commits,
      summary: sample.summary ?? null,
    },
    steps: stepsOf(sample),
    meta: metaOf(sample),
  };
}

/** The training linearization: repository context -> issue -> pull request -> files -> edits -> commits. */
function stepsOf(sample: PrSample): Step[] {
  const { repo, issue, pull_request: pr } = sample;
  const context = [
    `Repository: ${repo.name}`,
    repo.description ? `Description: ${repo.description}` : null,
    repo.language ? `Language: ${repo.language}` : null,
    repo.license ? `License: ${repo.license}` : null,
  ];
  const steps: Step[] = [contextStep(context.filter((line) => line !== null).join("\n"), "repository", "system")];
  if (issue) {
    const label = typeof issue.number === "number" ? `Issue #${issue.number}` : "Issue";
    const heading = `${label}: ${issue.title}`;
    steps.push(contextStep(joinText(heading, issue.body), "issue", "user"));
  }
  steps.push(contextStep(joinText(`Pull request #${pr.number}: ${pr.title}`, pr.body), "pull_request", "user"));
  for (const file of sample.files) {
    steps.push({
      role: "tool",
      parts: [{ type: "observation", text: file.content, toolName: "read_file" }],
      meta: { section: "file", path: file.path, ...(file.language ? { language: file.language } : {}) },
    });
  }
  for (const edit of sample.edits) {
    steps.push({ role: "assistant", parts: [fileEditOf(edit)], meta: { section: "edit" } });
  }
  for (const commit of sample.commits) {
    const message = { type: "message" as const, text: commit.message };
    steps.push({ role: "assistant", parts: [message], meta: { section: "commit", sha: commit.sha } });
  }
  return steps;
}

function contextStep(text: string, section: string, role: "system" | "user"): Step {
  return { role, parts: [{ type: "message", text }], meta: { section } };
}

function fileEditOf(edit: PrEdit): FileEditPart {
  switch (edit.op) {
    case "str_replace":
      return { type: "file_edit", path: edit.path, operation: "str_replace", oldText: edit.old, newText: edit.new };
    case "insert":
      return { type: "file_edit", path: edit.path, operation: "insert", insertLine: edit.line, newText: edit.text };
    case "create":
      return { type: "file_edit", path: edit.path, operation: "create", newText: edit.content };
    case "delete":
      return { type: "file_edit", path: edit.path, operation: "delete" };
    case "rename":
      return { type: "file_edit", path: edit.path, operation: "rename", newPath: edit.new_path };
  }
}

function joinText(title: string, body: string): string {
  return body.trim() === "" ? title : `${title}\n\n${body}`;
}

function metaOf(sample: PrSample): JsonObject {
  const meta: JsonObject = { ...sample.meta };
  const fields: [string, unknown][] = [
    ["repoUrl", sample.repo.url],
    ["repoDescription", sample.repo.description],
    ["language", sample.repo.language],
    ["stars", sample.repo.stars],
    ["mergedAt", sample.pull_request.merged_at],
  ];
  for (const [key, value] of fields) if (value !== undefined && value !== null) meta[key] = value;
  return meta;
}
