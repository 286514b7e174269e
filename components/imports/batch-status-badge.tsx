import type { BatchStatus } from "./import-types";

const tone: Record<BatchStatus, string> = {
  running: "bg-blue-100 text-blue-800",
  committed: "bg-green-100 text-green-800",
  failed: "bg-red-100 text-red-800",
  undone: "bg-stone-200 text-stone-700",
};

export function BatchStatusBadge({ status }: { status: BatchStatus }) {
  return <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${tone[status]}`}>{status}</span>;
}
