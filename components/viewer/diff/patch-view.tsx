"use client";

import { useMemo, useState } from "react";
import { compareResults, fileRegions, pairFiles } from "@/lib/diff/regions";
import { parseUnifiedDiff, type PatchFile } from "@/lib/diff/unified";
import { isJunkPath } from "@/lib/quality/patch";
import { CodeDiff } from "../monaco";
import { DiffLayoutToggle, diffHeight } from "./diff-layout";
import { PatchFileList, statusBadges } from "./patch-file-list";

type Mode = "agent" | "gold" | "compare" | "test";

const modeLabels: Record<Mode, string> = { agent: "Final patch", gold: "Gold patch", compare: "Agent vs gold", test: "Test patch" };

function hasText(patch: string | null | undefined): patch is string {
  return typeof patch === "string" && patch.trim() !== "";
}

/** The final patch as a file list with a diff per file; the gold and test patches beside it when the instance has them. */
export function PatchView({ patch, goldPatch, testPatch }: { patch: string | null; goldPatch?: string | null; testPatch?: string | null }) {
  const agent = useMemo(() => parseUnifiedDiff(patch), [patch]);
  const gold = useMemo(() => parseUnifiedDiff(goldPatch), [goldPatch]);
  const tests = useMemo(() => parseUnifiedDiff(testPatch), [testPatch]);
  const modes: Mode[] = ["agent", ...(hasText(goldPatch) ? (["gold", "compare"] as const) : []), ...(hasText(testPatch) ? (["test"] as const) : [])];
  const [mode, setMode] = useState<Mode>("agent");
  const [sideBySide, setSideBySide] = useState(true);

  return (
    <section aria-label="Patch" className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        {modes.length > 1 && (
          <div role="tablist" aria-label="Patch to show" className="inline-flex overflow-hidden rounded border border-stone-300 text-sm">
            {modes.map((m) => (
              <button
                key={m}
                type="button"
                role="tab"
                aria-selected={mode === m}
                onClick={() => setMode(m)}
                className={`px-3 py-1 ${mode === m ? "bg-stone-800 text-white" : "bg-white text-stone-700 hover:bg-stone-100"}`}
              >
                {modeLabels[m]}
              </button>
            ))}
          </div>
        )}
        <span className="grow" />
        <DiffLayoutToggle sideBySide={sideBySide} onChange={setSideBySide} />
      </div>
      <div role="tabpanel" aria-label={modeLabels[mode]}>
      {mode === "compare" ? (
        <GoldComparison key="compare" agent={agent} gold={gold} sideBySide={sideBySide} />
      ) : (
        <SinglePatch
          key={mode}
          label={modeLabels[mode]}
          files={mode === "agent" ? agent : mode === "gold" ? gold : tests}
          raw={mode === "agent" ? patch : mode === "gold" ? goldPatch : testPatch}
          sideBySide={sideBySide}
        />
      )}
      </div>
    </section>
  );
}

function totals(files: PatchFile[]): string {
  const additions = files.reduce((n, f) => n + f.additions, 0);
  const deletions = files.reduce((n, f) => n + f.deletions, 0);
  return `${files.length} file${files.length === 1 ? "" : "s"} changed, +${additions} −${deletions}`;
}

function SinglePatch({ label, files: inPatchOrder, raw, sideBySide }: { label: string; files: PatchFile[]; raw: string | null | undefined; sideBySide: boolean }) {
  // Build artefacts and caches go last, so the change a reader came for is the one shown first.
  const files = useMemo(() => [...inPatchOrder.filter((f) => !isJunkPath(f.path)), ...inPatchOrder.filter((f) => isJunkPath(f.path))], [inPatchOrder]);
  const junk = files.filter((f) => isJunkPath(f.path)).length;
  const [selected, setSelected] = useState(0);
  const file = files[selected] ?? null;
  const regions = useMemo(() => (file ? fileRegions(file) : null), [file]);
  if (!hasText(raw)) return <p className="text-sm text-stone-500">No {label.toLowerCase()}.</p>;
  if (files.length === 0) return <p className="text-sm text-stone-500">The {label.toLowerCase()} is not a unified diff this viewer can read.</p>;
  return (
    <div className="grid gap-3 lg:grid-cols-[minmax(14rem,22rem)_1fr]">
      <div className="space-y-1">
        <p className="text-xs text-stone-600">
          {totals(files)}
          {junk > 0 && `, ${junk} of them build artefacts or caches (listed last)`}
        </p>
        <PatchFileList
          label={`Files in the ${label.toLowerCase()}`}
          selected={String(selected)}
          onSelect={(key) => setSelected(Number(key))}
          items={files.map((f, i) => ({
            key: String(i),
            path: f.oldPath && f.newPath && f.oldPath !== f.newPath ? `${f.oldPath} → ${f.newPath}` : f.path,
            badge: statusBadges[f.status][0],
            badgeTitle: statusBadges[f.status][1],
            additions: f.additions,
            deletions: f.deletions,
            detail: [f.isBinary && "binary", isJunkPath(f.path) && "artefact"].filter(Boolean).join(" · ") || undefined,
          }))}
        />
      </div>
      {file && regions && <FileDiff path={file.path} note={fileNote(file)} original={regions.original} modified={regions.modified} sideBySide={sideBySide} />}
    </div>
  );
}

function fileNote(file: PatchFile): string | null {
  if (file.isBinary) return "Binary file: no text to compare.";
  if (file.hunks.length === 0) return file.status === "renamed" ? `Renamed from ${file.oldPath} with no content change.` : "No content change (mode or metadata only).";
  return null;
}

function FileDiff({ path, note, original, modified, sideBySide, sides }: { path: string; note: string | null; original: string; modified: string; sideBySide: boolean; sides?: [string, string] }) {
  return (
    <div className="min-w-0 space-y-1" aria-label={`Diff of ${path}`} role="region">
      <p className="flex gap-2 text-xs">
        <span className="font-mono text-stone-800">{path}</span>
        {sides && (
          <span className="text-stone-500">
            left: {sides[0]} · right: {sides[1]}
          </span>
        )}
      </p>
      {note ? <p className="text-sm text-stone-500">{note}</p> : <CodeDiff original={original} modified={modified} path={path} sideBySide={sideBySide} height={diffHeight(original, modified, 640)} />}
    </div>
  );
}

function GoldComparison({ agent, gold, sideBySide }: { agent: PatchFile[]; gold: PatchFile[]; sideBySide: boolean }) {
  const pairs = useMemo(() => pairFiles(agent, gold), [agent, gold]);
  const results = useMemo(() => pairs.map((pair) => compareResults(pair.left, pair.right)), [pairs]);
  const [selected, setSelected] = useState(0);
  const pair = pairs[selected];
  const result = results[selected];
  if (!pair) return <p className="text-sm text-stone-500">Neither patch changes a file.</p>;
  const binary = pair.left?.isBinary || pair.right?.isBinary;
  return (
    <div className="grid gap-3 lg:grid-cols-[minmax(14rem,22rem)_1fr]">
      <div className="space-y-1">
        <p className="text-xs text-stone-600">
          Each file as the agent&apos;s patch leaves it (left) and as the gold patch leaves it (right), over the regions either one changes.
        </p>
        <PatchFileList
          label="Files in either patch"
          selected={String(selected)}
          onSelect={(key) => setSelected(Number(key))}
          items={pairs.map((p, i) => ({
            key: String(i),
            path: p.path,
            badge: p.left && p.right ? "both" : p.left ? "agent" : "gold",
            badgeTitle: p.left && p.right ? "changed by both patches" : p.left ? "changed by the agent only" : "changed by the gold patch only",
            detail: results[i].original === results[i].modified ? "same result" : "differs",
          }))}
        />
      </div>
      <FileDiff
        path={pair.path}
        note={binary ? "Binary file: no text to compare." : null}
        original={result.original}
        modified={result.modified}
        sideBySide={sideBySide}
        sides={["agent's result", "gold's result"]}
      />
    </div>
  );
}
