"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { RelativeTime } from "@/components/ui/relative-time";
import { BatchDetails } from "./batch-details";
import { BatchStatusBadge } from "./batch-status-badge";
import type { BatchListItem } from "./import-types";

type BatchHistoryRowProps = { batch: BatchListItem; canUndo: boolean; columns: number; onUndo: (batch: BatchListItem) => void };

export function BatchHistoryRow({ batch, canUndo, columns, onUndo }: BatchHistoryRowProps) {
  const [isExpanded, setIsExpanded] = useState(false);
  const hasErrors = batch.invalid > 0 || batch.status === "failed";
  const names = batch.files.map((file) => file.name);
  return (
    <>
      <tr className="border-t border-stone-100 align-top hover:bg-stone-50">
        <td className="px-3 py-2 font-mono">#{batch.id}</td>
        <td className="px-3 py-2">
          <BatchStatusBadge status={batch.status} />
        </td>
        <td className="px-3 py-2">{batch.createdBy?.email ?? <span className="text-stone-500">pipeline/CLI</span>}</td>
        <td className="whitespace-nowrap px-3 py-2">
          <RelativeTime value={batch.startedAt} />
        </td>
        <td className="max-w-64 px-3 py-2" title={names.join("\n")}>
          <span className="block truncate font-mono text-xs">{names[0] ?? "—"}</span>
          {names.length > 1 && <span className="text-xs text-stone-500">and {names.length - 1} more</span>}
        </td>
        <td className="px-3 py-2 text-right tabular-nums">{batch.imported}</td>
        <td className="px-3 py-2 text-right tabular-nums">{batch.duplicates}</td>
        <td className="px-3 py-2 text-right tabular-nums">{batch.invalid}</td>
        <td className="space-x-2 whitespace-nowrap px-3 py-2 text-right">
          {hasErrors && (
            <Button size="sm" aria-expanded={isExpanded} aria-label={`Errors of batch ${batch.id}`} onClick={() => setIsExpanded(!isExpanded)}>
              Errors
            </Button>
          )}
          {canUndo && batch.status === "committed" && (
            <Button size="sm" aria-label={`Undo batch ${batch.id}`} onClick={() => onUndo(batch)}>
              Undo
            </Button>
          )}
        </td>
      </tr>
      {isExpanded && (
        <tr>
          <td colSpan={columns} className="bg-stone-50 px-3 py-3">
            <BatchDetails id={batch.id} />
          </td>
        </tr>
      )}
    </>
  );
}
