"use client";

import type { FileStatus } from "@/lib/diff/unified";

export type PatchListItem = {
  key: string;
  path: string;
  /** A, M, D, R … or, when comparing, which patches touch the file. */
  badge: string;
  badgeTitle: string;
  additions?: number;
  deletions?: number;
  detail?: string;
};

export const statusBadges: Record<FileStatus, [string, string]> = {
  added: ["A", "added"],
  modified: ["M", "modified"],
  deleted: ["D", "deleted"],
  renamed: ["R", "renamed"],
  copied: ["C", "copied"],
};

/** The files of a patch as a list to pick from, each with its +/- counts. */
export function PatchFileList({ label, items, selected, onSelect }: { label: string; items: PatchListItem[]; selected: string | null; onSelect: (key: string) => void }) {
  return (
    <ul aria-label={label} className="max-h-[28rem] divide-y divide-stone-100 overflow-auto rounded border border-stone-200 bg-white text-xs">
      {items.map((item) => (
        <li key={item.key}>
          <button
            type="button"
            aria-current={item.key === selected ? "true" : undefined}
            onClick={() => onSelect(item.key)}
            className={`flex w-full items-center gap-2 px-2 py-1.5 text-left ${item.key === selected ? "bg-stone-100" : "hover:bg-stone-50"}`}
          >
            <span title={item.badgeTitle} className="shrink-0 rounded bg-stone-200 px-1 font-mono text-[10px] text-stone-700">
              {item.badge}
            </span>
            <span className="min-w-0 grow break-all font-mono text-stone-800">{item.path}</span>
            {item.detail && <span className="shrink-0 text-stone-500">{item.detail}</span>}
            {item.additions !== undefined && <span className="shrink-0 font-mono text-emerald-700">+{item.additions}</span>}
            {item.deletions !== undefined && <span className="shrink-0 font-mono text-red-700">−{item.deletions}</span>}
          </button>
        </li>
      ))}
    </ul>
  );
}
