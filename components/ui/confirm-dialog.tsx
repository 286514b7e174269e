"use client";

import { useId, type ReactNode } from "react";
import { useModalDialog } from "./use-modal-dialog";
import { Button } from "./button";

type ConfirmDialogProps = {
  isOpen: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  isPending?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
};

/** A modal native <dialog>: the browser provides focus trapping, Escape and the dialog role. */
export function ConfirmDialog({ isOpen, title, children, confirmLabel, isPending = false, onConfirm, onCancel }: ConfirmDialogProps) {
  const ref = useModalDialog(isOpen);
  const titleId = useId();

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (!isPending) onCancel();
      }}
      className="m-auto w-full max-w-md rounded-lg border border-stone-200 bg-white p-5 text-stone-900 shadow-xl backdrop:bg-stone-900/40"
    >
      <h2 id={titleId} className="text-lg font-semibold">
        {title}
      </h2>
      <div className="mt-2 space-y-2 text-sm text-stone-700">{children}</div>
      <div className="mt-5 flex justify-end gap-2">
        <Button onClick={onCancel} disabled={isPending}>
          Cancel
        </Button>
        <Button variant="danger" onClick={onConfirm} disabled={isPending}>
          {isPending ? "Working…" : confirmLabel}
        </Button>
      </div>
    </dialog>
  );
}
