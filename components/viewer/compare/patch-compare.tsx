"use client";

import { useMemo, useState } from "react";
import { CodeDiff } from "@/components/viewer/monaco";
import { pairPatchFiles, splitPatch } from "@/lib/compare/patch-files";

type Side = { id: number; patch: string | null };

const scope = (pair: { a: string | null; b: string | null }) => (pair.a !== null && pair.b !== null ? "both" : pair.a !== null ? "A only" : "B only");

/** The two final patches in a Monaco diff: whole, or one file at a time (files both touch first). */
export function PatchCompare({ a, b }: { a: Side; b: Side }) {
  const pairs = useMemo(() => pairPatchFiles(splitPatch(a.patch), splitPatch(b.patch)), [a.patch, b.patch]);
  const [path, setPath] = useState<string | null>(null);
  const [isSideBySide, setSideBySide] = useState(true);
  const pair = pairs.find((p) => p.path === path) ?? null;
  const shared = pairs.filter((p) => scope(p) === "both").length;

  if (!a.patch && !b.patch) {
    return (
      <section aria-labelledby="patch-compare-heading" className="space-y-2">
        <h2 id="patch-compare-heading" className="text-lg font-semibold">Final patches</h2>
        <p className="text-sm text-stone-600">Neither episode has a final patch.</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="patch-compare-heading" className="space-y-2">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h2 id="patch-compare-heading" className="text-lg font-semibold">Final patches</h2>
        <p className="text-sm text-stone-600">
          {shared} {shared === 1 ? "file" : "files"} both touch · {pairs.length - shared} touched by one only
        </p>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={isSideBySide} onChange={(event) => setSideBySide(event.target.checked)} />
          Side by side
        </label>
      </div>
      <div className="grid gap-3 md:grid-cols-[16rem_1fr]">
        <nav aria-label="Patch files" className="max-h-[32rem] overflow-auto rounded border border-stone-200 bg-white text-sm">
          <ul>
            <FileButton label="Whole patch" detail={`${pairs.length} files`} isSelected={pair === null} onSelect={() => setPath(null)} />
            {pairs.map((p) => (
              <FileButton key={p.path} label={p.path} detail={scope(p)} isSelected={p === pair} onSelect={() => setPath(p.path)} />
            ))}
          </ul>
        </nav>
        <div className="min-w-0 space-y-1">
          <div className="flex justify-between text-xs text-stone-600">
            <span>A · Episode {a.id}{a.patch ? "" : " (no patch)"}</span>
            <span className="font-mono">{pair?.path ?? "whole patch"}</span>
            <span>B · Episode {b.id}{b.patch ? "" : " (no patch)"}</span>
          </div>
          <div role="group" aria-label="Patch diff" className="overflow-hidden rounded border border-stone-200 bg-white">
            <CodeDiff
              original={pair ? (pair.a ?? "") : (a.patch ?? "")}
              modified={pair ? (pair.b ?? "") : (b.patch ?? "")}
              path="patch.diff"
              sideBySide={isSideBySide}
              height={520}
            />
          </div>
        </div>
      </div>
    </section>
  );
}

function FileButton({ label, detail, isSelected, onSelect }: { label: string; detail: string; isSelected: boolean; onSelect: () => void }) {
  return (
    <li>
      <button
        type="button"
        aria-pressed={isSelected}
        onClick={onSelect}
        className={`flex w-full items-baseline justify-between gap-2 px-2 py-1 text-left hover:bg-stone-100 ${isSelected ? "bg-stone-100 font-medium" : ""}`}
      >
        <span className="min-w-0 break-all font-mono text-xs">{label}</span>
        <span className="shrink-0 text-xs text-stone-500">{detail}</span>
      </button>
    </li>
  );
}
