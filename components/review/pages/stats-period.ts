/**
 * The statistics page's period, kept in its URL: `?days=7|30|90` (ending today) or
 * `?from=YYYY-MM-DD&to=YYYY-MM-DD` (both days included), plus `queue=ID` to look at one queue.
 * A bad link falls back to the last 30 days and every queue.
 */
export const presetDays = [7, 30, 90] as const;
export type StatsPeriod = { from: string; to: string; days: (typeof presetDays)[number] | null };

const DAY_MS = 24 * 3600 * 1000;
const isDay = (value: string | null): value is string => value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

export function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return dayOf(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS));
}

export function periodFromParams(params: URLSearchParams, today: Date): StatsPeriod {
  const from = params.get("from");
  const to = params.get("to");
  if (isDay(from) && isDay(to) && from <= to) return { from, to, days: null };
  const asked = Number(params.get("days"));
  const days = presetDays.find((d) => d === asked) ?? 30;
  const end = dayOf(today);
  return { from: addDays(end, -(days - 1)), to: end, days };
}

/** `?queue=ID`: statistics within one queue; anything else means every queue. */
export function queueFromParams(params: URLSearchParams): number | null {
  const raw = params.get("queue");
  return raw !== null && /^[1-9]\d{0,9}$/.test(raw) && Number(raw) <= 2_147_483_647 ? Number(raw) : null;
}

/** The page's URL query: the period's own (`days=7` or `from=&to=`), then the queue, if any. */
export function statsPageQuery(periodQuery: string, queue: number | null): string {
  const params = new URLSearchParams(periodQuery);
  if (queue !== null) params.set("queue", String(queue));
  return params.toString();
}

/** The API's query for the period (`to` as a date means through that day) and queue. */
export function statsQuery(period: StatsPeriod, queue: number | null = null): string {
  return statsPageQuery(new URLSearchParams({ from: period.from, to: period.to }).toString(), queue);
}

/** Every day of the period, in order. */
export function daysOf(period: Pick<StatsPeriod, "from" | "to">): string[] {
  const days: string[] = [];
  for (let day = period.from; day <= period.to && days.length < 3660; day = addDays(day, 1)) days.push(day);
  return days;
}
