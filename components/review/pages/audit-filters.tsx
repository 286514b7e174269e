"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import type { AuditFilters } from "./audit-query";
import { useUsers } from "./use-users";

const targetTypes = [
  { value: "", label: "Any" },
  { value: "episode", label: "Episode" },
  { value: "episodes", label: "Episodes (bulk actions)" },
  { value: "queue", label: "Queue" },
  { value: "rubric", label: "Rubric" },
  { value: "saved_view", label: "Saved view" },
];

const input = "mt-1 block rounded border border-stone-300 px-2 py-1";

/** The actor: anyone, or one person (API keys are recorded by name, without a user id). */
function ActorSelect({ value, fallbackName, onChange }: { value: string; fallbackName: string | null; onChange: (actorId: string) => void }) {
  const users = useUsers();
  const people = users.data?.items ?? [];
  const isListed = value === "" || people.some((u) => u.id === value);
  return (
    <label className="block">
      <span className="text-stone-600">Actor</span>
      <select aria-label="Actor" value={value} onChange={(event) => onChange(event.target.value)} className={`${input} max-w-xs`}>
        <option value="">Anyone</option>
        {!isListed && <option value={value}>{fallbackName ?? value}</option>}
        {people.map((user) => (
          <option key={user.id} value={user.id}>
            {user.name && user.name !== user.email ? `${user.name} (${user.email})` : user.email}
          </option>
        ))}
      </select>
      {users.error && <span role="alert" className="mt-1 block text-red-700">{users.error.message}</span>}
    </label>
  );
}

/** Target type and id, and the actor (also set by clicking a name in the table). */
export function AuditFilterForm({ filters, actorName, onApply }: { filters: AuditFilters; actorName: string | null; onApply: (filters: AuditFilters) => void }) {
  const [targetType, setTargetType] = useState(filters.targetType ?? "");
  const [targetId, setTargetId] = useState(filters.targetId ?? "");
  const [actorId, setActorId] = useState(filters.actorId ?? "");
  const known = targetTypes.some((t) => t.value === targetType);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({ targetType: targetType || undefined, targetId: targetType && targetId.trim() ? targetId.trim() : undefined, actorId: actorId || undefined });
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
      <ActorSelect value={actorId} fallbackName={actorName} onChange={setActorId} />
      <Button type="submit" variant="primary">
        Apply filters
      </Button>
    </form>
  );
}
