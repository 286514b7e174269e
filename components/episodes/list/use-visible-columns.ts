"use client";

import { useCallback, useEffect, useState } from "react";
import { columns, defaultColumnIds } from "./columns";

const storageKey = "atelier.episodes.columns";

/** Known ids only, in table order; the id column always stays, it carries the row's link. */
export function cleanColumnIds(ids: readonly unknown[]): string[] {
  return columns.filter((column) => column.id === "id" || ids.includes(column.id)).map((column) => column.id);
}

function readStored(): string[] | null {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(storageKey) ?? "null");
    return Array.isArray(stored) ? cleanColumnIds(stored) : null;
  } catch {
    return null;
  }
}

/** The curator's column choice, kept in localStorage across visits. */
export function useVisibleColumns() {
  const [ids, setIds] = useState<readonly string[]>(defaultColumnIds);
  // Read after mount: the server render cannot see localStorage.
  useEffect(() => {
    const stored = readStored();
    if (stored) setIds(stored);
  }, []);

  const toggle = useCallback((id: string) => {
    setIds((current) => {
      const next = cleanColumnIds(current.includes(id) ? current.filter((c) => c !== id) : [...current, id]);
      localStorage.setItem(storageKey, JSON.stringify(next));
      return next;
    });
  }, []);
  const reset = useCallback(() => {
    localStorage.removeItem(storageKey);
    setIds(defaultColumnIds);
  }, []);

  return { visibleIds: ids, visible: columns.filter((column) => ids.includes(column.id)), toggle, reset };
}
