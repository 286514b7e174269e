"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { presetDays, type StatsPeriod } from "./stats-period";

const input = "mt-1 block rounded border border-stone-300 px-2 py-1";

/** The period: a preset (last 7, 30, 90 days) or two days, both included. Changes go to the URL. */
export function PeriodFilter({ period, onChange }: { period: StatsPeriod; onChange: (query: string) => void }) {
  const [isCustom, setIsCustom] = useState(period.days === null);
  const [from, setFrom] = useState(period.from);
  const [to, setTo] = useState(period.to);
  const apply = (event: FormEvent) => {
    event.preventDefault();
    onChange(new URLSearchParams({ from, to }).toString());
  };
  return (
    <form aria-label="Statistics period" onSubmit={apply} className="flex flex-wrap items-end gap-3 text-sm">
      <label className="block">
        <span className="text-stone-600">Period</span>
        <select
          aria-label="Period"
          value={isCustom ? "custom" : String(period.days)}
          onChange={(event) => {
            const value = event.target.value;
            setIsCustom(value === "custom");
            if (value !== "custom") onChange(`days=${value}`);
          }}
          className={input}
        >
          {presetDays.map((days) => (
            <option key={days} value={days}>
              Last {days} days
            </option>
          ))}
          <option value="custom">Custom…</option>
        </select>
      </label>
      {isCustom && (
        <>
          <label className="block">
            <span className="text-stone-600">From</span>
            <input type="date" required value={from} max={to} onChange={(event) => setFrom(event.target.value)} className={input} />
          </label>
          <label className="block">
            <span className="text-stone-600">To</span>
            <input type="date" required value={to} min={from} onChange={(event) => setTo(event.target.value)} className={input} />
          </label>
          <Button type="submit">Apply</Button>
        </>
      )}
      <p className="w-full text-xs text-stone-500">
        {period.from} to {period.to}, both days included (UTC).
      </p>
    </form>
  );
}
