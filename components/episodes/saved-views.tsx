"use client";

import { useCallback, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { SavedView } from "@/lib/views/schema";
import { SaveViewForm } from "./save-view-form";
import { SavedViewItem } from "./saved-view-item";
import { useDismiss } from "./use-dismiss";
import { useSavedViewMutations, useSavedViews } from "./use-saved-views";

/**
 * The saved-views menu of the episode list. `query` is the list's canonical filter query
 * (toSearchParams), which is how views are stored, so the view showing is the one whose query equals it.
 */
export function SavedViews({ query }: { query: string }) {
  const { data, error, isPending } = useSavedViews();
  const { remove } = useSavedViewMutations();
  const [isOpen, setIsOpen] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<SavedView | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  const panelId = useId();
  const close = useCallback(() => setIsOpen(false), []);
  useDismiss(ref, isOpen, close);

  const views = data?.items ?? [];
  const mine = views.filter((v) => v.isMine);
  const shared = views.filter((v) => !v.isMine);
  // Several views can hold the current filter: all are marked, the button names the newest of mine (else of the team's).
  const newestFirst = (a: SavedView, b: SavedView) => b.id - a.id;
  const matching = (items: SavedView[]) => items.filter((v) => v.query === query).sort(newestFirst);
  const active = matching(mine)[0] ?? matching(shared)[0];

  const list = (title: string, items: SavedView[], empty: string) => (
    <section aria-label={title} className="space-y-1">
      <h3 className="text-xs font-semibold uppercase tracking-wide text-stone-500">{title}</h3>
      {items.length === 0 ? (
        <p className="text-sm text-stone-500">{empty}</p>
      ) : (
        <ul className="divide-y divide-stone-100 text-sm">
          {items.map((view) => (
            <SavedViewItem key={view.id} view={view} isActive={view.query === query} onNavigate={close} onDelete={setDeleting} onMessage={setMessage} />
          ))}
        </ul>
      )}
    </section>
  );

  return (
    <div ref={ref} className="relative">
      <Button aria-expanded={isOpen} aria-controls={panelId} onClick={() => setIsOpen(!isOpen)}>
        Saved views{active ? `: ${active.name}` : ""} ▾
      </Button>
      {isOpen && (
        <div id={panelId} role="region" aria-label="Saved views" className="absolute left-0 z-20 mt-1 w-[28rem] max-w-[90vw] space-y-3 rounded border border-stone-200 bg-white p-3 shadow-lg">
          {isPending && <p className="text-sm text-stone-500">Loading saved views…</p>}
          {error && (
            <p role="alert" className="text-sm text-red-700">
              {error.message}
            </p>
          )}
          {data && list("My views", mine, "No saved views yet.")}
          {data && list("Shared with the team", shared, "Nobody has shared a view yet.")}
          <SaveViewForm query={query} onSaved={(name) => setMessage(`Saved "${name}".`)} />
          {message && (
            <p role="status" className="break-all text-sm text-stone-600">
              {message}
            </p>
          )}
          <ConfirmDialog
            isOpen={deleting !== null}
            title={`Delete the view "${deleting?.name ?? ""}"?`}
            confirmLabel="Delete view"
            isPending={remove.isPending}
            onCancel={() => setDeleting(null)}
            onConfirm={() =>
              deleting &&
              remove.mutate(deleting.id, {
                onSuccess: () => {
                  setMessage(`Deleted "${deleting.name}".`);
                  setDeleting(null);
                },
              })
            }
          >
            <p>{deleting?.isShared ? "The team will no longer see it either." : "Only the view goes; the episodes stay."}</p>
            {remove.error && <p role="alert" className="text-red-700">{remove.error.message}</p>}
          </ConfirmDialog>
        </div>
      )}
    </div>
  );
}
