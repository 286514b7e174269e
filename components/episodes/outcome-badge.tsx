const tone = {
  resolved: "bg-green-100 text-green-800",
  unresolved: "bg-red-100 text-red-800",
  unknown: "bg-stone-100 text-stone-700",
  "pull request": "bg-sky-100 text-sky-800",
};

/** Rollouts show whether they resolved the task; PR-derived episodes have no run to judge. */
export function OutcomeBadge({ kind, resolved, exitStatusClass }: { kind: string; resolved: boolean | null; exitStatusClass: string }) {
  const label = kind === "contextual" ? "pull request" : resolved === true ? "resolved" : resolved === false ? "unresolved" : "unknown";
  return (
    <span className="inline-flex items-center gap-1.5">
      <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${tone[label]}`}>{label}</span>
      {exitStatusClass !== "unknown" && <span className="text-xs text-stone-500">{exitStatusClass.replace("_", " ")}</span>}
    </span>
  );
}
