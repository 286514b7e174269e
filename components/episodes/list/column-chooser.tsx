"use client";

import { useEffect, useRef } from "react";
import { columns } from "./columns";

type Props = { visibleIds: readonly string[]; onToggle: (id: string) => void; onReset: () => void };

export function ColumnChooser({ visibleIds, onToggle, onReset }: Props) {
  const menu = useRef<HTMLDetailsElement>(null);
  // A menu closes when the reader clicks elsewhere or presses Escape.
  useEffect(() => {
    const close = (event: Event) => {
      const isOutside = event instanceof KeyboardEvent ? event.key === "Escape" : !menu.current?.contains(event.target as Node);
      if (isOutside) menu.current?.removeAttribute("open");
    };
    document.addEventListener("pointerdown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("pointerdown", close);
      document.removeEventListener("keydown", close);
    };
  }, []);

  return (
    <details ref={menu} className="relative">
      <summary className="cursor-pointer list-none rounded border border-stone-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-stone-100">Columns</summary>
      <fieldset className="absolute right-0 z-30 mt-1 w-56 space-y-1 rounded border border-stone-200 bg-white p-3 text-sm shadow-lg">
        <legend className="sr-only">Visible columns</legend>
        {columns.map((column) => (
          <label key={column.id} className="flex items-center gap-2">
            <input type="checkbox" checked={visibleIds.includes(column.id)} disabled={column.id === "id"} onChange={() => onToggle(column.id)} />
            {column.title}
          </label>
        ))}
        <button type="button" className="mt-2 text-xs text-blue-700 hover:underline" onClick={onReset}>
          Reset to default
        </button>
      </fieldset>
    </details>
  );
}
