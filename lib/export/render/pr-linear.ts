/**
 * The `pr-linear` text template, for pull-request-derived episodes: the linearization of
 * lib/formats/pr-sample.md, one segment per step (so masks and truncation work as for rollouts):
 *
 *   <|repository|>             the repository context (name, description, language, licence) + Base commit
 *   <|issue|>                  the linked issue
 *   <|pull_request|>           the pull request title and description
 *   <|file path=PATH|>         each relevant file, as it was before the change
 *   <|edit|> OP PATH …         each edit: str_replace as <<<<<<< SEARCH / ======= / >>>>>>> REPLACE,
 *                              insert "after line N", create / write with the content, delete,
 *                              rename "PATH -> NEW", patch with its diff
 *   <|commit SHA|>             each commit message; followed by the commit's diff when the
 *                              episode has no edit steps (the diffs are then the edits)
 *   <|final_patch|>            the final patch (left out when the commit diffs are the edits: it is
 *                              their concatenation), when nothing was cut
 *
 * Train spans cover the edit and commit segments of train steps, delimiters included (the
 * `<|edit|> OP PATH` line is part of what the model writes), and the final patch unless a
 * curator kept any assistant step out of training (context or drop).
 */
import { pullRequestSchema, type FileEditPart, type PullRequest } from "@/lib/formats/episode";
import type { ExportEpisode } from "../types";
import { rawArguments, type ExportStep } from "./chat-messages";
import { thinkBlock, xmlCall, type TemplateOutput, type TextSegment } from "./text-segments";

export const PR_LINEAR_DELIMITERS = {
  repository: "<|repository|>",
  issue: "<|issue|>",
  pullRequest: "<|pull_request|>",
  message: "<|message|>",
  file: (path: string) => `<|file path=${path}|>`,
  observation: "<|observation|>",
  edit: "<|edit|>",
  commit: (sha: string) => `<|commit ${sha}|>`,
  assistant: "<|assistant|>",
  finalPatch: "<|final_patch|>",
} as const;
const d = PR_LINEAR_DELIMITERS;
// Made once: building it per episode cost more than the parse.
const optionalPullRequestSchema = pullRequestSchema.nullable().catch(null);

export function prLinear(episode: ExportEpisode): TemplateOutput {
  const pr = optionalPullRequestSchema.parse(episode.pullRequest ?? null);
  const assistantSteps = episode.steps.filter((s) => s.role === "assistant");
  const diffsAreEdits = !assistantSteps.some((s) => s.parts.some((p) => p.type === "file_edit" || p.type === "tool_call"));
  let commitIndex = 0;
  let files = 0;
  const body: TextSegment[] = [];
  let droppedSteps = 0;
  for (const step of episode.steps) {
    const isFile = step.parts.some((p) => p.type === "observation");
    const fileIndex = isFile ? files++ : -1;
    const isCommit = step.role === "assistant" && (step.meta?.section === "commit" || (diffsAreEdits && step.parts.some((p) => p.type === "message")));
    const commit = isCommit ? commitOf(step, pr, commitIndex++) : null;
    if (step.mask === "drop") {
      droppedSteps++;
      continue;
    }
    if (step.role === "assistant") {
      const text = assistantText(step, commit, diffsAreEdits);
      body.push({ step: step.idx, text, span: step.mask === "train" ? [0, text.length] : null, isAssistant: true });
    } else {
      body.push({ step: step.idx, text: contextText(step, episode, pr, fileIndex), span: null, isAssistant: false });
    }
  }
  const head: TextSegment[] = episode.steps.some((s) => s.role === "system")
    ? []
    : [{ step: null, text: repositoryText(episode, pr, ""), span: null, isAssistant: false }];
  const tail: TextSegment[] = [];
  // With the commit diffs as the edits, the final patch is their concatenation (and must not
  // bring back the diff of a dropped commit).
  if (episode.finalPatch && !(diffsAreEdits && commitIndex > 0)) {
    const text = `${d.finalPatch}\n${episode.finalPatch}`;
    const isTrained = assistantSteps.length > 0 && assistantSteps.every((s) => s.mask === "train");
    tail.push({ step: null, text, span: isTrained ? [d.finalPatch.length + 1, text.length] : null, isAssistant: true });
  }
  return { head, body, tail, isValidEnd: () => true, droppedSteps, droppedToolResults: 0 };
}

function stepText(step: ExportStep, types: readonly string[]): string {
  return step.parts.flatMap((p) => (types.includes(p.type) && "text" in p ? [p.text] : [])).join("\n\n");
}

function contextText(step: ExportStep, episode: ExportEpisode, pr: PullRequest | null, fileIndex: number): string {
  const section = step.meta?.section;
  const text = stepText(step, ["message", "reasoning", "observation"]);
  if (step.role === "system" || section === "repository") return repositoryText(episode, pr, text);
  if (fileIndex >= 0) {
    const path = typeof step.meta?.path === "string" ? step.meta.path : pr?.files[fileIndex]?.path;
    return `${path === undefined ? d.observation : d.file(path)}\n${text}`;
  }
  if (section === "issue") return `${d.issue}\n${text}`;
  if (section === "pull_request") return `${d.pullRequest}\n${text}`;
  return `${d.message}\n${text}`;
}

/** The system step's context, plus what it lacks of repository, licence and base commit. */
function repositoryText(episode: ExportEpisode, pr: PullRequest | null, text: string): string {
  const lines = text === "" ? [] : [text];
  if (episode.repo && !text.includes(episode.repo)) lines.unshift(`Repository: ${episode.repo}`);
  if (pr?.license && !text.includes(pr.license)) lines.push(`License: ${pr.license}`);
  if (episode.baseCommit) lines.push(`Base commit: ${episode.baseCommit}`);
  return `${d.repository}\n${lines.join("\n")}`;
}

type Commit = { sha: string; diff: string | null };

function commitOf(step: ExportStep, pr: PullRequest | null, index: number): Commit {
  const sha = typeof step.meta?.sha === "string" ? step.meta.sha : pr?.commits[index]?.sha;
  const found = pr?.commits.find((c) => c.sha === sha) ?? (sha === undefined ? pr?.commits[index] : undefined);
  return { sha: sha ?? found?.sha ?? "", diff: found?.diff ?? null };
}

function assistantText(step: ExportStep, commit: Commit | null, diffsAreEdits: boolean): string {
  const pieces: string[] = [];
  const hasCalls = step.parts.some((p) => p.type === "tool_call");
  for (const part of step.parts) {
    if (part.type === "reasoning") pieces.push(thinkBlock(part.text));
    else if (part.type === "message") pieces.push(commit ? `${d.commit(commit.sha)}\n${part.text}` : `${d.assistant}\n${part.text}`);
    else if (part.type === "tool_call") {
      const raw = rawArguments(part);
      pieces.push(xmlCall(part.name, raw === undefined ? part.arguments : null, raw ?? ""));
    }
    // An edit its step's call made is that call.
    else if (part.type === "file_edit" && !hasCalls) pieces.push(editText(part));
    else if (part.type === "observation") pieces.push(`${d.observation}\n${part.text}`);
  }
  if (commit && diffsAreEdits && commit.diff) pieces.push(commit.diff.endsWith("\n") ? commit.diff.slice(0, -1) : commit.diff);
  return pieces.join("\n");
}

export function editText(edit: FileEditPart): string {
  const line = `${d.edit} ${edit.operation} ${edit.path}`;
  switch (edit.operation) {
    case "str_replace":
      return `${line}\n<<<<<<< SEARCH\n${edit.oldText ?? ""}\n=======\n${edit.newText ?? ""}\n>>>>>>> REPLACE`;
    case "insert":
      return `${line}${edit.insertLine === undefined ? "" : ` after line ${edit.insertLine}`}\n${edit.newText ?? ""}`;
    case "create":
    case "write":
      return `${line}\n${edit.newText ?? ""}`;
    case "rename":
      return `${line} -> ${edit.newPath ?? ""}`;
    case "delete":
      return line;
    case "patch":
      return `${line}\n${edit.diff ?? edit.after ?? edit.newText ?? ""}`;
  }
}
