"use client";

import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { BatchHistoryRow } from "./batch-history-row";
import type { BatchListItem } from "./import-types";
import { useImportBatches } from "./use-import-batches";
import { useUndoImport } from "./use-undo-import";

const headers = ["Batch", "Status", "Who", "When", "Files", "Imported", "Duplicates", "Invalid", ""];

function plural(count: number, one: string, many: string) {
  return `${count.toLocaleString("en")} ${count === 1 ? one : many}`;
}

export function BatchHistory({ canUndo }: { canUndo: boolean }) {
  const { data, error, isPending } = useImportBatches();
  const undo = useUndoImport();
  // The target outlives the dialog's closing so its text does not change while it closes.
  const [target, setTarget] = useState<BatchListItem | null>(null);
  const [isConfirming, setIsConfirming] = useState(false);

  if (isPending) return <p className="text-stone-500">Loading import history…</p>;
  if (error) return <p role="alert" className="text-red-700">{error.message}</p>;
  if (data.items.length === 0) return <p className="rounded border border-dashed border-stone-300 bg-white p-6 text-stone-600">No imports yet.</p>;

  const askToUndo = (batch: BatchListItem) => {
    undo.reset();
    setTarget(batch);
    setIsConfirming(true);
  };
  const attachments = target ? target.files.reduce((sum, file) => sum + file.attachments, 0) : 0;
  return (
    <div className="space-y-3">
      {undo.isSuccess && (
        <p role="status" className="rounded border border-green-200 bg-green-50 p-3 text-sm text-green-900">
          Batch #{undo.variables} undone: {plural(undo.data.episodes, "episode", "episodes")} deleted.
        </p>
      )}
      <div className="overflow-x-auto">
        <table className="w-full border-collapse overflow-hidden rounded border border-stone-200 bg-white text-sm">
          <caption className="sr-only">Import batches, newest first</caption>
          <thead className="bg-stone-100 text-left text-stone-600">
            <tr>
              {headers.map((header, index) => (
                <th key={index} className={`px-3 py-2 ${index >= 5 ? "text-right" : ""}`}>
                  {header || <span className="sr-only">Actions</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.items.map((batch) => (
              <BatchHistoryRow key={batch.id} batch={batch} canUndo={canUndo} columns={headers.length} onUndo={askToUndo} />
            ))}
          </tbody>
        </table>
      </div>
      {target && (
        <ConfirmDialog
          isOpen={isConfirming}
          title={`Undo batch #${target.id}?`}
          confirmLabel="Undo import"
          isPending={undo.isPending}
          onCancel={() => setIsConfirming(false)}
          onConfirm={() => undo.mutate(target.id, { onSuccess: () => setIsConfirming(false) })}
        >
          <p>
            This permanently deletes the {plural(target.imported, "episode", "episodes")}
            {attachments > 0 && ` and ${plural(attachments, "side-file record", "side-file records")}`} that batch #{target.id} added, with their
            steps. Importing the files again brings them back.
          </p>
          {undo.error && <p role="alert" className="text-red-700">{undo.error.message}</p>}
        </ConfirmDialog>
      )}
    </div>
  );
}
