const segments = [
  { key: "resolved", tone: "bg-green-500" },
  { key: "unresolved", tone: "bg-red-400" },
  { key: "unknown", tone: "bg-stone-300" },
] as const;

type Outcomes = { resolved: number; unresolved: number; unknown: number };

/** A small stacked bar of a group's outcomes: resolved, unresolved, unknown. */
export function OutcomeBar(outcomes: Outcomes) {
  const total = outcomes.resolved + outcomes.unresolved + outcomes.unknown;
  return (
    <span
      role="img"
      aria-label={`${outcomes.resolved} resolved, ${outcomes.unresolved} unresolved, ${outcomes.unknown} unknown`}
      className="inline-flex h-2 w-24 overflow-hidden rounded bg-stone-100"
    >
      {segments.map(({ key, tone }) =>
        outcomes[key] > 0 ? <span key={key} className={tone} style={{ width: `${(outcomes[key] / total) * 100}%` }} /> : null,
      )}
    </span>
  );
}
