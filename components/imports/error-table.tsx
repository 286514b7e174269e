import type { BatchErrors } from "./import-types";

/** The import report's errors; file names and reasons come from uploads, so they stay plain text. */
export function ErrorTable({ errors }: { errors: BatchErrors }) {
  const unlisted = errors.total - errors.list.length;
  return (
    <div className="space-y-2">
      {errors.failure && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm font-medium text-red-800">
          The import failed: {errors.failure}
        </p>
      )}
      {errors.list.length > 0 && (
        <div className="max-h-80 overflow-auto rounded border border-stone-200">
          <table className="w-full border-collapse bg-white text-sm">
            <caption className="sr-only">Import errors</caption>
            <thead className="sticky top-0 bg-stone-100 text-left text-stone-600">
              <tr>
                <th className="px-3 py-2">Where</th>
                <th className="px-3 py-2">Field</th>
                <th className="px-3 py-2">Reason</th>
              </tr>
            </thead>
            <tbody>
              {errors.list.map((error, index) => (
                <tr key={index} className="border-t border-stone-100 align-top">
                  <td className="whitespace-nowrap px-3 py-1.5 font-mono text-xs">{error.line === null ? error.file : `${error.file}:${error.line}`}</td>
                  <td className="px-3 py-1.5 font-mono text-xs">{error.field ?? "—"}</td>
                  <td className="break-words px-3 py-1.5">{error.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {unlisted > 0 && <p className="text-sm text-stone-600">{unlisted.toLocaleString("en")} more errors not listed.</p>}
    </div>
  );
}
