import Link from "next/link";
import { RelativeTime } from "@/components/ui/relative-time";
import { changedFields, targetHref, type AuditEvent } from "./audit-query";

/** One event, read only: when, who, what, on what, and what changed (the full before / after on demand). */
export function AuditRow({ event, onActor }: { event: AuditEvent; onActor: (actorId: string) => void }) {
  const href = targetHref(event);
  const target = `${event.targetType}${event.targetId === null ? "" : ` ${event.targetId}`}`;
  const changes = changedFields(event.before, event.after);
  return (
    <tr className="border-t border-stone-100 align-top">
      <td className="px-3 py-2 whitespace-nowrap">
        <RelativeTime value={event.createdAt} />
      </td>
      <td className="px-3 py-2">
        {event.actorId ? (
          <button type="button" onClick={() => onActor(event.actorId!)} className="text-left underline decoration-stone-300 hover:decoration-stone-900" aria-label={`Only events by ${event.actor}`}>
            {event.actor}
          </button>
        ) : (
          event.actor
        )}
      </td>
      <td className="px-3 py-2 font-mono text-xs">{event.action}</td>
      <td className="px-3 py-2 whitespace-nowrap">
        {href ? (
          <Link href={href} className="underline decoration-stone-300 hover:decoration-stone-900">
            {target}
          </Link>
        ) : (
          target
        )}
      </td>
      <td className="px-3 py-2">
        {changes.length > 0 && (
          <ul className="space-y-0.5 text-xs">
            {changes.slice(0, 8).map((change) => (
              <li key={change.field} className="break-all">
                <span className="font-medium">{change.field}</span>: {change.before} → {change.after}
              </li>
            ))}
            {changes.length > 8 && <li className="text-stone-500">and {changes.length - 8} more</li>}
          </ul>
        )}
        <details className="text-xs">
          <summary className="cursor-pointer text-stone-500">Before and after</summary>
          <pre className="mt-1 max-h-80 overflow-auto rounded bg-stone-50 p-2 whitespace-pre-wrap">
            {JSON.stringify({ before: event.before, after: event.after, meta: event.meta }, null, 2)}
          </pre>
        </details>
      </td>
    </tr>
  );
}
