"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import type { AuditFilters } from "./audit-query";

const targetTypes = [
  { value: "", label: "Any" },
  { value: "episode", label: "Episode" },
  { value: "episodes", label: "Episodes (bulk actions)" },
  { value: "queue", label: "Queue" },
  { value: "rubric", label: "Rubric" },
  { value: "saved_view", label: "Saved view" },
];

const input = "mt-1 block rounded border border-stone-300 px-2 py-1";

/** Target type and id (and, set by clicking a name in the table, the actor). */
export function AuditFilterForm({ filters, actorName, onApply }: { filters: AuditFilters; actorName: string | null; onApply: (filters: AuditFilters) => void }) {
  const [targetType, setTargetType] = useState(filters.targetType ?? "");
  const [targetId, setTargetId] = useState(filters.targetId ?? "");
  const known = targetTypes.some((t) => t.value === targetType);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({ ...filters, targetType: targetType || undefined, targetId: targetType && targetId.trim() ? targetId.trim() : undefined });
  };
  return (
    <form aria-label="Filter the audit trail" onSubmit={submit} className="flex flex-wrap items-end gap-3 text-sm">
      <label className="block">
        <span className="text-stone-600">Target type</span>
        <select aria-label="Target type" value={targetType} onChange={(event) => setTargetType(event.target.value)} className={input}>
          {!known && <option value={targetType}>{targetType}</option>}
          {targetTypes.map((t) => (
            <option key={t.value} value={t.value}>
              {t.label}
            </option>
          ))}
        </select>
      </label>
      <label className="block">
        <span className="text-stone-600">Target id</span>
        <input value={targetId} disabled={!targetType} onChange={(event) => setTargetId(event.target.value)} className={`${input} w-32`} />
      </label>
      <Button type="submit" variant="primary">
        Apply filters
      </Button>
      {filters.actorId && (
        <span className="flex items-center gap-1 rounded-full border border-stone-300 bg-white py-0.5 pr-1 pl-3">
          Actor: {actorName ?? filters.actorId}
          <button type="button" aria-label="Any actor" onClick={() => onApply({ ...filters, actorId: undefined })} className="rounded-full px-1.5 text-stone-500 hover:bg-stone-100">
            ×
          </button>
        </span>
      )}
    </form>
  );
}
