"use client";

import { Button } from "@/components/ui/button";
import type { EntryDraft } from "./rubric-draft";

const input = "w-full rounded border border-stone-300 px-2 py-1";

type Column = { field: keyof EntryDraft; header: string; name: string; className?: string; list?: string };

/**
 * A list of scale points or choice options, a row each: the inputs are named "Point 2 anchor",
 * "Option 1 episode label"… so each can be found and read out on its own.
 */
export function EntriesEditor({
  legend,
  noun,
  columns,
  entries,
  minimum,
  maximum,
  makeEntry,
  onChange,
}: {
  legend: string;
  noun: "Point" | "Option";
  columns: Column[];
  entries: EntryDraft[];
  minimum: number;
  maximum: number;
  makeEntry: (entries: EntryDraft[]) => EntryDraft;
  onChange: (entries: EntryDraft[]) => void;
}) {
  const set = (index: number, field: keyof EntryDraft, value: string) => onChange(entries.map((e, i) => (i === index ? { ...e, [field]: value } : e)));
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">{legend}</legend>
      <table className="w-full text-sm">
        <thead className="text-left text-xs text-stone-500">
          <tr>
            {columns.map((c) => (
              <th key={c.field} className={`pr-2 font-normal ${c.className ?? ""}`}>
                {c.header}
              </th>
            ))}
            <th>
              <span className="sr-only">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry, index) => (
            <tr key={index}>
              {columns.map((c) => (
                <td key={c.field} className={`py-0.5 pr-2 ${c.className ?? ""}`}>
                  <input aria-label={`${noun} ${index + 1} ${c.name}`} value={entry[c.field]} list={c.list} onChange={(event) => set(index, c.field, event.target.value)} className={input} />
                </td>
              ))}
              <td className="w-8">
                <button
                  type="button"
                  aria-label={`Remove ${noun.toLowerCase()} ${index + 1}`}
                  disabled={entries.length <= minimum}
                  onClick={() => onChange(entries.filter((_, i) => i !== index))}
                  className="rounded px-2 text-stone-500 hover:bg-stone-100 disabled:opacity-30"
                >
                  ×
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Button size="sm" disabled={entries.length >= maximum} onClick={() => onChange([...entries, makeEntry(entries)])}>
        Add {noun.toLowerCase()}
      </Button>
    </fieldset>
  );
}
