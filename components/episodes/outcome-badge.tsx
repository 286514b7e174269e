const tone = {
  resolved: "bg-green-100 text-green-800",
  unresolved: "bg-red-100 text-red-800",
  unknown: "bg-stone-100 text-stone-700",
};

export function OutcomeBadge({ resolved, exitStatusClass }: { resolved: boolean | null; exitStatusClass: string }) {
  const label = resolved === true ? "resolved" : resolved === false ? "unresolved" : "unknown";
  return (
    <span className="inline-flex items-center gap-1.5">
      <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${tone[label]}`}>{label}</span>
      <span className="text-xs text-stone-500">{exitStatusClass.replace("_", " ")}</span>
    </span>
  );
}
