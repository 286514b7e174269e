"use client";

import Link from "next/link";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import type { SavedView } from "@/lib/views/schema";
import { useSavedViewMutations } from "./use-saved-views";

export function viewHref(query: string): string {
  return query ? `/episodes?${query}` : "/episodes";
}

type SavedViewItemProps = {
  view: SavedView;
  isActive: boolean;
  onNavigate: () => void;
  onDelete: (view: SavedView) => void;
  onMessage: (message: string) => void;
};

/** One view: open it, copy its link; for my own, rename, share or stop sharing, delete. */
export function SavedViewItem({ view, isActive, onNavigate, onDelete, onMessage }: SavedViewItemProps) {
  const { update } = useSavedViewMutations();
  const [draftName, setDraftName] = useState<string | null>(null);

  const copyLink = async () => {
    const url = `${window.location.origin}${viewHref(view.query)}`;
    try {
      await navigator.clipboard.writeText(url);
      onMessage(`Link to "${view.name}" copied.`);
    } catch {
      onMessage(`Copy this link: ${url}`);
    }
  };

  const rename = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({ id: view.id, name: draftName ?? view.name }, { onSuccess: () => setDraftName(null) });
  };

  return (
    <li className="space-y-1 py-1.5">
      {draftName === null ? (
        <div className="flex items-baseline gap-2">
          <Link
            href={viewHref(view.query)}
            onClick={onNavigate}
            aria-current={isActive ? "page" : undefined}
            className={`truncate hover:underline ${isActive ? "font-semibold text-stone-900" : "text-blue-700"}`}
          >
            {view.name}
          </Link>
          {isActive && <span className="text-xs text-stone-500">(showing)</span>}
          {view.isMine && view.isShared && <span className="rounded bg-stone-100 px-1.5 text-xs text-stone-600">shared</span>}
          {!view.isMine && <span className="truncate text-xs text-stone-500">by {view.owner.name || view.owner.email}</span>}
        </div>
      ) : (
        <form onSubmit={rename} aria-label={`Rename ${view.name}`} className="flex gap-2">
          <input
            autoFocus
            required
            maxLength={100}
            aria-label="New name"
            value={draftName}
            onChange={(event) => setDraftName(event.target.value)}
            className="min-w-0 flex-1 rounded border border-stone-300 px-2 py-0.5 text-sm"
          />
          <Button type="submit" size="sm" variant="primary" disabled={update.isPending}>
            Save
          </Button>
          <Button size="sm" onClick={() => setDraftName(null)}>
            Cancel
          </Button>
        </form>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <Button size="sm" aria-label={`Copy link to ${view.name}`} onClick={copyLink}>
          Copy link
        </Button>
        {view.isMine && (
          <>
            <Button size="sm" aria-label={`Rename ${view.name}`} onClick={() => setDraftName(view.name)}>
              Rename
            </Button>
            <Button size="sm" aria-label={`Delete ${view.name}`} onClick={() => onDelete(view)}>
              Delete
            </Button>
            <label className="flex items-center gap-1 text-xs text-stone-600">
              <input
                type="checkbox"
                aria-label={`Share ${view.name} with the team`}
                checked={view.isShared}
                disabled={update.isPending}
                onChange={(event) => update.mutate({ id: view.id, isShared: event.target.checked })}
              />
              Shared with the team
            </label>
          </>
        )}
      </div>
      {update.error && (
        <p role="alert" className="text-xs text-red-700">
          {update.error.message}
        </p>
      )}
    </li>
  );
}
