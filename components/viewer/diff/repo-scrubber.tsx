"use client";

import { useEffect, useMemo, useState } from "react";
import { fileAt, type FileHistory } from "@/lib/diff/repo-state";
import { describeKnowledge, focusChange, renderKnowledge } from "@/lib/diff/render";
import { groupFiles, neighbourEdit } from "@/lib/diff/scrub";
import { Button } from "@/components/ui/button";
import { CodeDiff, CodeView } from "../monaco";
import { DiffLayoutToggle, ToggleGroup, diffHeight } from "./diff-layout";
import { FileStateList } from "./file-state-list";
import { useRepoHistory, type EpisodeRepo } from "./use-repo-history";

/** Pick a file and a step: the file as of that step, reconstructed from the recorded edits, and its last change. */
export function RepoScrubber({ episodeId, stepCount, initialStep }: { episodeId: number; stepCount: number; initialStep?: number }) {
  const { data: repo, isPending, error } = useRepoHistory(episodeId);
  if (isPending) return <p className="text-sm text-stone-500">Replaying the episode&apos;s edits…</p>;
  if (error) return <p role="alert" className="text-sm text-red-700">{error.message}</p>;
  if (repo.files.length === 0) {
    return (
      <p className="text-sm text-stone-500">
        This episode records no file edits: no editor calls, no shell commands that name a file they write, no final patch.
      </p>
    );
  }
  return <Scrubber repo={repo} stepCount={stepCount} initialStep={initialStep} />;
}

/** Where the last word on the file is: the final patch, else its last state in which it exists. */
function lastStop(file: FileHistory, end: number): number {
  if (file.final) return end;
  const existing = file.states.filter((s) => s.after.kind !== "absent");
  return (existing.at(-1) ?? file.states.at(-1))?.stepIdx ?? end;
}

function initialChoice(repo: EpisodeRepo, stepCount: number, initialStep: number | undefined): { path: string; step: number } {
  const groups = groupFiles(repo);
  const first = groups[0].files[0];
  if (initialStep === undefined) return { path: first.path, step: lastStop(first, stepCount) };
  const touched = repo.files.find((f) => f.states.some((s) => s.stepIdx === initialStep && s.isEdit)) ?? repo.files.find((f) => f.states.some((s) => s.stepIdx === initialStep));
  return { path: (touched ?? first).path, step: Math.min(Math.max(0, initialStep), stepCount) };
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.tagName === "TEXTAREA" || (target.tagName === "INPUT" && !["range", "checkbox", "radio", "button"].includes((target as HTMLInputElement).type));
}

function Scrubber({ repo, stepCount, initialStep }: { repo: EpisodeRepo; stepCount: number; initialStep?: number }) {
  const [choice, setChoice] = useState(() => initialChoice(repo, stepCount, initialStep));
  const [sideBySide, setSideBySide] = useState(true);
  const [isWholeDiff, setIsWholeDiff] = useState(false);
  const groups = useMemo(() => groupFiles(repo), [repo]);
  const file = repo.files.find((f) => f.path === choice.path) ?? groups[0].files[0];
  const end = stepCount; // one past the last step: the final patch
  const step = Math.min(choice.step, end);
  const moment = fileAt(file, step, step === end);
  const previousEdit = neighbourEdit(file, step, -1, end);
  const nextEdit = neighbourEdit(file, step, 1, end);
  const setStep = (next: number) => setChoice((c) => ({ ...c, step: next }));

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.metaKey || event.ctrlKey || event.altKey || isTyping(event.target)) return;
      const target = event.key === "[" ? previousEdit : event.key === "]" ? nextEdit : null;
      if (target === null) return;
      event.preventDefault();
      setChoice((c) => ({ ...c, step: target }));
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [previousEdit, nextEdit]);

  const content = renderKnowledge(moment.knowledge);
  const previous = renderKnowledge(moment.previous);
  const change = isWholeDiff ? { original: previous, modified: content } : focusChange(previous, content, 5);
  const stepLabel = step === end ? "after the last step (the final patch)" : `step ${step} of ${Math.max(0, stepCount - 1)}`;

  return (
    <section aria-label="Files over time" className="space-y-3">
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1 text-xs text-stone-600">
          File
          <select
            value={file.path}
            onChange={(event) => setChoice((c) => ({ ...c, path: event.target.value }))}
            className="max-w-[40rem] rounded border border-stone-300 bg-white px-2 py-1 font-mono text-sm text-stone-900"
          >
            {groups.map((group) => (
              <optgroup key={group.label} label={group.label}>
                {group.files.map((f) => (
                  <option key={f.path} value={f.path}>
                    {f.path}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        <label className="flex grow flex-col gap-1 text-xs text-stone-600">
          <span>
            Step: <span className="font-medium text-stone-900">{stepLabel}</span>
          </span>
          <input type="range" min={0} max={end} value={step} onChange={(event) => setStep(Number(event.target.value))} aria-valuetext={stepLabel} />
        </label>
        <div className="flex gap-1">
          <Button size="sm" disabled={previousEdit === null} onClick={() => previousEdit !== null && setStep(previousEdit)} title="Previous edit of this file ([)">
            ‹ Previous edit
          </Button>
          <Button size="sm" disabled={nextEdit === null} onClick={() => nextEdit !== null && setStep(nextEdit)} title="Next edit of this file (])">
            Next edit ›
          </Button>
        </div>
      </div>
      <FileStateList file={file} step={step} end={end} onSelect={setStep} />
      <FileContent file={file} content={content} moment={moment} stepLabel={stepLabel} />
      <div className="space-y-1">
        <div className="flex items-center gap-2">
          <h3 className="text-sm font-medium text-stone-800">
            {moment.changedAt === null ? "No change yet" : moment.changedAt === "end" ? "What the final patch adds to the replay" : `Change at step ${moment.changedAt}`}
          </h3>
          <span className="grow" />
          {moment.changedAt !== null && (
            <>
              <ToggleGroup
                label="Diff extent"
                options={[
                  { value: "context", label: "In context" },
                  { value: "file", label: "Whole file" },
                ]}
                value={isWholeDiff ? "file" : "context"}
                onChange={(value) => setIsWholeDiff(value === "file")}
              />
              <DiffLayoutToggle sideBySide={sideBySide} onChange={setSideBySide} />
            </>
          )}
        </div>
        {moment.states.map((s, i) => (
          <p key={i} className={`text-xs ${s.error ? "rounded bg-amber-50 px-2 py-1 text-amber-900" : "text-stone-500"}`}>
            {s.operation}
            {s.error ? ` — not applied: ${s.error}` : s.note ? ` — ${s.note}` : ""}
          </p>
        ))}
        {moment.changedAt !== null && <CodeDiff original={change.original} modified={change.modified} path={file.path} sideBySide={sideBySide} height={diffHeight(change.original, change.modified)} />}
      </div>
    </section>
  );
}

function FileContent({ file, content, moment, stepLabel }: { file: FileHistory; content: string; moment: ReturnType<typeof fileAt>; stepLabel: string }) {
  const { knowledge } = moment;
  return (
    <div className="space-y-1">
      <h3 className="text-sm font-medium text-stone-800">
        <span className="font-mono">{file.path}</span> as of {stepLabel}
      </h3>
      <p className="text-xs text-stone-500">{knowledgeCaption(file, moment, content)}</p>
      {knowledge.kind === "absent" ? (
        <p className="text-sm text-stone-500">The file does not exist at this point.</p>
      ) : content === "" && knowledge.kind === "partial" ? (
        <p className="text-sm text-stone-500">The trajectory shows none of this file&apos;s content at this point.</p>
      ) : (
        <CodeView value={content} path={file.path} height={Math.min(560, Math.max(120, content.split("\n").length * 19 + 24))} />
      )}
    </div>
  );
}

function knowledgeCaption(file: FileHistory, moment: ReturnType<typeof fileAt>, content: string): string {
  const { knowledge } = moment;
  const sentences = [
    describeKnowledge(knowledge) +
      (moment.changedAt === null && content !== "" ? " (the base commit, from the final patch's context lines)" : "") +
      (knowledge.kind === "partial" && content !== "" ? "; lines marked ⋯ never appear in the trajectory" : ""),
    ...(file.finalDisagrees ? ["The final patch differs from the replayed edits: something the trajectory does not record changed this file"] : []),
    ...(file.aliases.length > 0 ? [`Also named ${file.aliases.join(", ")}`] : []),
  ];
  return sentences.map((s) => `${s.charAt(0).toUpperCase()}${s.slice(1)}.`).join(" ");
}
