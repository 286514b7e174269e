"use client";

import { useId, useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { labelSchema } from "@/lib/bulk/label";
import { ReviewStatus } from "@/lib/generated/prisma/enums";
import { confirmLabels, confirmQuestion, resultMessage, type BulkChoice } from "./bulk-wording";
import { BulkActionError, useApplyBulkAction, useBulkCount, useLabelChoices } from "./use-bulk-action";

export type BulkActionKind = BulkChoice["action"];

type BulkActionDialogProps = { action: BulkActionKind; query: string; onClose: () => void; onDone: (message: string) => void };

/**
 * The confirmation for one bulk action: fetches the exact count first and asks about that number;
 * when the server says the count moved (409), shows why and counts again.
 */
export function BulkActionDialog({ action, query, onClose, onDone }: BulkActionDialogProps) {
  const count = useBulkCount(query);
  const apply = useApplyBulkAction(query);
  const [label, setLabel] = useState("");
  const [reviewStatus, setReviewStatus] = useState<string>(ReviewStatus.approved);
  const [invalid, setInvalid] = useState<string | null>(null);
  const inputId = useId();
  const choice: BulkChoice =
    action === "label_add" || action === "label_remove" ? { action, label } : action === "set_review" ? { action, reviewStatus } : { action };

  const problem = invalid ?? apply.error?.message ?? count.error?.message;

  const confirm = () => {
    if (count.data === undefined) return;
    if (choice.action === "label_add" || choice.action === "label_remove") {
      const parsed = labelSchema.safeParse(choice.label);
      if (!parsed.success) return setInvalid(parsed.error.issues[0].message);
    }
    setInvalid(null);
    apply.mutate(
      { choice, expectedCount: count.data },
      {
        onSuccess: ({ affected, changed }) => onDone(resultMessage(choice, affected, changed)),
        onError: (error) => {
          if (error instanceof BulkActionError && error.isCountChanged) void count.refetch();
        },
      },
    );
  };

  return (
    <ConfirmDialog
      isOpen
      title={count.data === undefined ? "Counting the matching episodes…" : confirmQuestion(choice, count.data)}
      confirmLabel={confirmLabels[action]}
      isPending={count.isFetching || apply.isPending}
      onCancel={onClose}
      onConfirm={confirm}
    >
      {(action === "label_add" || action === "label_remove") && <LabelInput id={inputId} query={query} value={label} onChange={setLabel} />}
      {action === "set_review" && (
        <label className="block">
          <span className="text-stone-600">Review status</span>
          <select value={reviewStatus} onChange={(event) => setReviewStatus(event.target.value)} className="mt-1 block w-full rounded border border-stone-300 px-2 py-1">
            {Object.values(ReviewStatus).map((status) => (
              <option key={status} value={status}>
                {status}
              </option>
            ))}
          </select>
        </label>
      )}
      <p>Every episode matching the current filter, not just the page you see.</p>
      {action === "delete" && <p className="font-medium text-red-800">This cannot be undone: their steps and contents are deleted too.</p>}
      {problem && (
        <p role="alert" className="text-red-700">
          {problem}
        </p>
      )}
    </ConfirmDialog>
  );
}

function LabelInput({ id, query, value, onChange }: { id: string; query: string; value: string; onChange: (value: string) => void }) {
  const choices = useLabelChoices(query);
  return (
    <label className="block">
      <span className="text-stone-600">Label</span>
      <input
        autoFocus
        maxLength={64}
        list={`${id}-choices`}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        className="mt-1 block w-full rounded border border-stone-300 px-2 py-1"
      />
      <datalist id={`${id}-choices`}>
        {choices.data?.map((choice) => (
          <option key={choice} value={choice} />
        ))}
      </datalist>
    </label>
  );
}
