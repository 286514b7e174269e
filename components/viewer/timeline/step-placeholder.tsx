/** A step whose window is still on its way (or failed to come). */
export function StepPlaceholder({ idx, error, onRetry }: { idx: number; error: Error | null; onRetry: () => void }) {
  return (
    <div className="px-3 py-2 text-xs text-stone-500" style={{ minHeight: 120 }}>
      <span className="font-mono font-semibold text-stone-700">#{idx}</span>{" "}
      {error ? (
        <span role="alert" className="text-red-700">
          {error.message}{" "}
          <button type="button" onClick={onRetry} className="underline">
            Retry
          </button>
        </span>
      ) : (
        "Loading…"
      )}
    </div>
  );
}
