"use client";

import { Button } from "@/components/ui/button";
import type { DimensionType } from "@/lib/review/rubrics/schema";
import { EntriesEditor } from "./entries-editor";
import { keyFromLabel, type DimensionDraft, type EntryDraft } from "./rubric-draft";
import { dimensionTypeNames } from "./score-format";

const field = "mt-1 block w-full rounded border border-stone-300 px-2 py-1";
const types = Object.keys(dimensionTypeNames) as DimensionType[];

/** The next point goes one above the last. */
function nextPoint(points: EntryDraft[]): EntryDraft {
  const last = Number(points[points.length - 1]?.value);
  return { value: Number.isInteger(last) ? String(last + 1) : "", label: "", description: "" };
}

/** One dimension of a rubric: what it asks, its type, and the answers it allows. */
export function DimensionEditor({
  index,
  count,
  dimension,
  labelsListId,
  onChange,
  onMove,
  onRemove,
}: {
  index: number;
  count: number;
  dimension: DimensionDraft;
  labelsListId: string;
  onChange: (dimension: DimensionDraft) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const d = dimension;
  const n = index + 1;
  const setLabel = (label: string) => onChange({ ...d, label, key: d.isKeyEdited ? d.key : keyFromLabel(label) });
  return (
    <fieldset className="space-y-3 rounded border border-stone-200 p-3">
      <legend className="px-1 text-sm font-semibold">Dimension {n}</legend>
      <div className="grid gap-3 sm:grid-cols-[2fr_1fr_1fr]">
        <label className="block text-sm">
          <span className="text-stone-600">Label</span>
          <input value={d.label} maxLength={100} onChange={(event) => setLabel(event.target.value)} className={field} />
        </label>
        <label className="block text-sm">
          <span className="text-stone-600">Key</span>
          <input value={d.key} maxLength={40} onChange={(event) => onChange({ ...d, key: event.target.value, isKeyEdited: true })} className={`${field} font-mono text-xs`} />
        </label>
        <label className="block text-sm">
          <span className="text-stone-600">Type</span>
          <select aria-label="Type" value={d.type} onChange={(event) => onChange({ ...d, type: event.target.value as DimensionType })} className={field}>
            {types.map((type) => (
              <option key={type} value={type}>
                {dimensionTypeNames[type]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label className="block text-sm">
        <span className="text-stone-600">Guidance</span>
        <textarea rows={2} maxLength={4000} value={d.description} onChange={(event) => onChange({ ...d, description: event.target.value })} className={field} />
      </label>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={d.required} onChange={(event) => onChange({ ...d, required: event.target.checked })} />
        Required before submitting
      </label>
      {d.type === "ordinal" && (
        <EntriesEditor
          legend="Scale points and their anchors"
          noun="Point"
          columns={[
            { field: "value", header: "Value", name: "value", className: "w-20" },
            { field: "label", header: "Anchor", name: "anchor" },
            { field: "description", header: "What it means", name: "meaning" },
          ]}
          entries={d.points}
          minimum={2}
          maximum={11}
          makeEntry={nextPoint}
          onChange={(points) => onChange({ ...d, points })}
        />
      )}
      {(d.type === "single_choice" || d.type === "multi_choice") && (
        <EntriesEditor
          legend="Options (each adds its label to the episode when chosen)"
          noun="Option"
          columns={[
            { field: "value", header: "Episode label", name: "episode label", list: labelsListId },
            { field: "label", header: "Shown as", name: "shown as" },
            { field: "description", header: "What it means", name: "meaning" },
          ]}
          entries={d.options}
          minimum={2}
          maximum={100}
          makeEntry={() => ({ value: "", label: "", description: "" })}
          onChange={(options) => onChange({ ...d, options })}
        />
      )}
      {d.type === "text" && (
        <label className="block text-sm">
          <span className="text-stone-600">Maximum length</span>
          <input type="number" min={1} max={20000} value={d.maxLength} onChange={(event) => onChange({ ...d, maxLength: event.target.value })} className={`${field} w-32`} />
        </label>
      )}
      <div className="flex gap-2">
        <Button size="sm" disabled={index === 0} onClick={() => onMove(-1)} aria-label={`Move dimension ${n} up`}>
          ↑
        </Button>
        <Button size="sm" disabled={index === count - 1} onClick={() => onMove(1)} aria-label={`Move dimension ${n} down`}>
          ↓
        </Button>
        <Button size="sm" disabled={count === 1} onClick={onRemove}>
          Remove dimension {n}
        </Button>
      </div>
    </fieldset>
  );
}
