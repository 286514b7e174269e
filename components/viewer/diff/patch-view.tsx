"use client";

// PLACEHOLDER with the contract's signature; the diff helper's version replaces it at merge.
export function PatchView({ patch, goldPatch, testPatch }: { patch: string | null; goldPatch?: string | null; testPatch?: string | null }) {
  if (!patch) return <p className="text-sm text-stone-500">This episode has no final patch.</p>;
  return (
    <div data-placeholder="patch-view" className="space-y-2 text-sm">
      <p className="text-stone-500">
        {patch.length.toLocaleString("en-US")} characters{goldPatch ? " · gold patch available" : ""}
        {testPatch ? " · test patch available" : ""}
      </p>
      <pre className="max-h-[70vh] overflow-auto whitespace-pre-wrap break-all rounded border border-stone-200 bg-white p-3 font-mono text-xs">{patch.slice(0, 200_000)}</pre>
    </div>
  );
}
