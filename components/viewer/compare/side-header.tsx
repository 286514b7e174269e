import Link from "next/link";
import { OutcomeBadge } from "@/components/episodes/outcome-badge";
import type { CompareHeader } from "@/lib/compare/compare-side";

function Field({ label, value }: { label: string; value: string | number | null | undefined }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs uppercase tracking-wide text-stone-500">{label}</dt>
      <dd className="break-words font-medium">{value ?? "—"}</dd>
    </div>
  );
}

/** What one side of the comparison is: which episode, which run, how it ended and how big it is. */
export function SideHeader({ side, header }: { side: "A" | "B"; header: CompareHeader }) {
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <span className="rounded bg-stone-900 px-1.5 py-0.5 text-xs font-semibold text-white">{side}</span>
        <h2 className="text-lg font-semibold">
          <Link href={`/episodes/${header.id}`} prefetch={false} className="text-blue-700 hover:underline">
            Episode {header.id}
          </Link>
        </h2>
        <OutcomeBadge kind={header.kind} resolved={header.resolved} exitStatusClass={header.exitStatusClass} />
      </div>
      <dl className="grid grid-cols-2 gap-3 text-sm lg:grid-cols-3">
        <Field label="Instance" value={header.instanceId} />
        <Field label="Model" value={header.model} />
        <Field label="Agent" value={header.agent} />
        <Field label="Exit status" value={header.exitStatusRaw} />
        <Field label="Steps" value={header.stepCount.toLocaleString("en-US")} />
        <Field label="Tokens" value={header.tokenCount.toLocaleString("en-US")} />
        <Field label="Cost (USD)" value={header.costUsd?.toFixed(4)} />
        <Field label="Patch files" value={header.filesTouched} />
      </dl>
    </div>
  );
}
