"use client";

import { useState } from "react";
import { CodeView } from "@/components/viewer/monaco";
import { codeHeight } from "./code-height";

type File = { path: string; content: string };

/** The relevant files, read-only in Monaco: pick one from the list; before or after the pull request. */
export function PrFiles({ files, after }: { files: File[]; after: Map<string, string | null> | null }) {
  const [path, setPath] = useState(files[0]?.path ?? null);
  const [isAfter, setAfter] = useState(false);
  const file = files.find((f) => f.path === path) ?? files[0];
  if (!file) return <p className="text-sm text-stone-600">The sample lists no relevant files.</p>;
  const afterContent = after?.get(file.path);
  const shown = isAfter ? afterContent : file.content;

  return (
    <div className="grid gap-3 md:grid-cols-[16rem_1fr]">
      <nav aria-label="Relevant files" className="max-h-[28rem] overflow-auto rounded border border-stone-200 bg-white text-sm">
        <ul>
          {files.map((f) => (
            <li key={f.path}>
              <button
                type="button"
                aria-pressed={f.path === file.path}
                onClick={() => setPath(f.path)}
                className={`w-full break-all px-2 py-1 text-left font-mono text-xs hover:bg-stone-100 ${f.path === file.path ? "bg-stone-100 font-semibold" : ""}`}
              >
                {f.path}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <div className="min-w-0 space-y-1">
        <div className="flex flex-wrap items-center justify-between gap-2 text-xs text-stone-600">
          <span className="font-mono">{file.path}</span>
          <span className="flex gap-3">
            <label className="flex items-center gap-1">
              <input type="radio" name="pr-file-version" checked={!isAfter} onChange={() => setAfter(false)} />
              Before the PR
            </label>
            <label className="flex items-center gap-1">
              <input type="radio" name="pr-file-version" checked={isAfter} onChange={() => setAfter(true)} disabled={after === null} />
              After the PR
            </label>
          </span>
        </div>
        <div role="group" aria-label={`File ${file.path}`} className="overflow-hidden rounded border border-stone-200 bg-white">
          {typeof shown === "string" ? (
            <CodeView value={shown} path={file.path} height={codeHeight(480, shown)} />
          ) : (
            <p className="p-3 text-sm text-stone-600">{shown === null ? "The pull request deletes or renames this file." : "Not known: an edit did not apply."}</p>
          )}
        </div>
      </div>
    </div>
  );
}
