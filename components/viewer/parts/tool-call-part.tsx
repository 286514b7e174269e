"use client";

import type { ToolCallPart as ToolCall } from "@/lib/formats/episode";
import { shellArgumentOf } from "@/lib/viewer/shell-tokens";
import { ArgumentValue } from "./argument-value";
import type { PartContext } from "./part-props";

/** The tool's name and its arguments as a key / value list; the shell command highlighted. */
export function ToolCallPart({ part, context }: { part: ToolCall; context: PartContext }) {
  const shellKey = shellArgumentOf(part.name, part.arguments);
  const entries = Object.entries(part.arguments);
  return (
    <div className="space-y-1" data-part="tool_call">
      <p className="text-xs">
        <span className="font-medium tracking-wide text-stone-500 uppercase">Tool call</span>{" "}
        <span className="rounded bg-blue-50 px-1.5 py-0.5 font-mono font-semibold text-blue-900">{part.name}</span>
        {part.parseError && <span className="ml-2 text-red-700">arguments did not parse: {part.parseError}</span>}
      </p>
      {entries.length > 0 ? (
        <dl aria-label={`Arguments of ${part.name}`} className="grid grid-cols-[max-content_minmax(0,1fr)] items-baseline gap-x-3 gap-y-1">
          {entries.map(([key, value]) => (
            <div key={key} className="contents">
              <dt className="font-mono text-xs text-stone-500">{key}</dt>
              <dd className="min-w-0">
                <ArgumentValue name={key} value={value} isShell={key === shellKey} context={context} />
              </dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="text-xs text-stone-500">(no arguments)</p>
      )}
    </div>
  );
}
