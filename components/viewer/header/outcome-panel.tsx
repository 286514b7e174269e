import type { EpisodeDetail } from "@/lib/episodes/read-episode";
import type { OutcomeSummary, TestListSummary } from "@/lib/viewer/outcome-summary";

const MAX_NAMES_SHOWN = 50;

function TestCounts({ label, list }: { label: string; list: TestListSummary | null }) {
  if (!list) return null;
  return (
    <div>
      <dt className="text-xs text-stone-500">{label}</dt>
      <dd className="tabular-nums">
        <span className="text-green-800">{list.passed} pass</span> / <span className={list.failed > 0 ? "font-semibold text-red-700" : ""}>{list.failed} fail</span>
      </dd>
    </div>
  );
}

function FailingTests({ label, list }: { label: string; list: TestListSummary | null }) {
  if (!list || list.failing.length === 0) return null;
  return (
    <details className="text-xs" open={list.failing.length <= 5}>
      <summary className="cursor-pointer text-red-800">
        {label}: {list.failing.length} failing
      </summary>
      <ul aria-label={`${label} failing tests`} className="mt-1 max-h-48 overflow-auto font-mono break-all">
        {list.failing.slice(0, MAX_NAMES_SHOWN).map((name) => (
          <li key={name}>{name}</li>
        ))}
        {list.failing.length > MAX_NAMES_SHOWN && <li className="text-stone-500">and {list.failing.length - MAX_NAMES_SHOWN} more</li>}
      </ul>
    </details>
  );
}

export function OutcomePanel({ episode, outcome }: { episode: EpisodeDetail; outcome: OutcomeSummary }) {
  const resolved = episode.resolved === true ? "yes" : episode.resolved === false ? "no" : "unknown";
  return (
    <section id="outcome" aria-label="Outcome" className="space-y-2">
      <h2 className="text-xs font-semibold tracking-wide text-stone-500 uppercase">Outcome</h2>
      <dl className="grid grid-cols-2 gap-x-4 gap-y-2 text-sm sm:grid-cols-4">
        <div>
          <dt className="text-xs text-stone-500">Exit status</dt>
          <dd className="break-words">
            <span className="font-mono text-xs">{outcome.exitStatusRaw ?? episode.exitStatusRaw ?? "—"}</span>{" "}
            <span className="text-xs text-stone-500">({episode.exitStatusClass.replace("_", " ")})</span>
          </dd>
        </div>
        <div>
          <dt className="text-xs text-stone-500">Resolved</dt>
          <dd className={resolved === "yes" ? "text-green-800" : resolved === "no" ? "text-red-700" : "text-stone-600"}>{resolved}</dd>
        </div>
        <TestCounts label="FAIL_TO_PASS" list={outcome.failToPass} />
        <TestCounts label="PASS_TO_PASS" list={outcome.passToPass} />
      </dl>
      <FailingTests label="FAIL_TO_PASS" list={outcome.failToPass} />
      <FailingTests label="PASS_TO_PASS" list={outcome.passToPass} />
      {outcome.error && <p className="max-h-24 overflow-auto font-mono text-xs break-all text-red-800">{outcome.error}</p>}
      {outcome.sources.length > 0 && <p className="text-xs text-stone-500">Test results from SWE-bench {outcome.sources.join(", ").replaceAll("_", " ")}.</p>}
    </section>
  );
}
