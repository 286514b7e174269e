const tones = { active: "bg-blue-600", done: "bg-green-600", failed: "bg-red-600", muted: "bg-stone-400" };

/** A determinate bar; `value` is a percentage, clamped to 0–100. */
export function ProgressBar({ label, value, tone = "active" }: { label: string; value: number; tone?: keyof typeof tones }) {
  const percent = Math.round(Math.min(100, Math.max(0, value)));
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      className="h-2 w-full overflow-hidden rounded-full bg-stone-200"
    >
      <div className={`h-full rounded-full transition-[width] duration-300 ${tones[tone]}`} style={{ width: `${percent}%` }} />
    </div>
  );
}
