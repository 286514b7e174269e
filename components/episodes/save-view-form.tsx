"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { useSavedViewMutations } from "./use-saved-views";

/** "Save current view…": a name and whether the team sees it. */
export function SaveViewForm({ query, onSaved }: { query: string; onSaved: (name: string) => void }) {
  const { create } = useSavedViewMutations();
  const [isEditing, setIsEditing] = useState(false);
  const [name, setName] = useState("");
  const [isShared, setIsShared] = useState(false);

  if (!isEditing)
    return (
      <Button size="sm" onClick={() => setIsEditing(true)}>
        Save current view…
      </Button>
    );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { name, query, isShared },
      {
        onSuccess: (view) => {
          setIsEditing(false);
          setName("");
          setIsShared(false);
          onSaved(view.name);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} aria-label="Save current view" className="space-y-2 border-t border-stone-100 pt-3">
      <label className="block text-sm">
        <span className="text-stone-600">View name</span>
        <input
          autoFocus
          required
          maxLength={100}
          value={name}
          onChange={(event) => setName(event.target.value)}
          className="mt-1 block w-full rounded border border-stone-300 px-2 py-1"
        />
      </label>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={isShared} onChange={(event) => setIsShared(event.target.checked)} />
        Share with the team
      </label>
      {create.error && (
        <p role="alert" className="text-sm text-red-700">
          {create.error.message}
        </p>
      )}
      <div className="flex gap-2">
        <Button type="submit" variant="primary" size="sm" disabled={create.isPending}>
          {create.isPending ? "Saving…" : "Save view"}
        </Button>
        <Button size="sm" onClick={() => setIsEditing(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
