import { testRunLabel, type TestRunSummary as Summary } from "@/lib/viewer/test-output";

const MAX_NAMES = 20;

/** Pass / fail counts parsed from the output (lib/viewer/test-output.ts). */
export function TestRunSummary({ summary }: { summary: Summary }) {
  const isGreen = summary.failed === 0 && summary.errors === 0;
  return (
    <div role="status" aria-label="Test run" className={`rounded border px-2 py-1 text-xs ${isGreen ? "border-green-200 bg-green-50 text-green-900" : "border-red-200 bg-red-50 text-red-900"}`}>
      <span className="font-semibold">{summary.framework}</span>: <span data-test-counts>{testRunLabel(summary)}</span>
      {summary.failing.length > 0 && (
        <details className="mt-1">
          <summary className="cursor-pointer">{summary.failing.length} failing named in the output</summary>
          <ul className="mt-1 font-mono break-all">
            {summary.failing.slice(0, MAX_NAMES).map((name) => (
              <li key={name}>{name}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
