"use client";

import { useModalDialog } from "@/components/ui/use-modal-dialog";
import { Button } from "@/components/ui/button";

export type KeyRow = [key: string, what: string];

const keys: KeyRow[] = [
  ["j", "next step"],
  ["k", "previous step"],
  ["e", "expand or collapse the focused step"],
  ["/", "search this episode"],
  ["n", "next episode in the list"],
  ["p", "previous episode in the list"],
  ["?", "show these keys"],
  ["Esc", "close this dialog or leave the search box"],
];

/** The viewer's keys with the review panel's: in a queue, n / p belong to the queue. */
export function keyRows({ canReview, isInQueue }: { canReview: boolean; isInQueue: boolean }): KeyRow[] {
  if (!canReview) return keys;
  const review: KeyRow[] = [
    ["0–9", "score the focused dimension of the review"],
    ["a / r / c", "verdict: approve / reject / needs changes"],
  ];
  const moves = isInQueue ? keys.filter(([key]) => key !== "n" && key !== "p") : keys;
  const queue: KeyRow[] = isInQueue ? [["n", "next item in the queue (after submitting)"]] : [];
  return [...moves.slice(0, -1), ...review, ...queue, moves[moves.length - 1]];
}

/** The keyboard reference, as a native modal dialog (focus trap and Escape from the browser); `rows` replace the defaults. */
export function KeysDialog({ isOpen, onClose, rows = keys }: { isOpen: boolean; onClose: () => void; rows?: KeyRow[] }) {
  const ref = useModalDialog(isOpen);
  return (
    <dialog
      ref={ref}
      aria-labelledby="viewer-keys-title"
      onClose={onClose}
      className="m-auto w-full max-w-sm rounded-lg border border-stone-200 bg-white p-5 text-stone-900 shadow-xl backdrop:bg-stone-900/40"
    >
      <h2 id="viewer-keys-title" className="text-lg font-semibold">
        Keyboard shortcuts
      </h2>
      <table className="mt-3 w-full text-sm">
        <tbody>
          {rows.map(([key, what]) => (
            <tr key={key}>
              <td className="py-1 pr-4">
                <kbd className="rounded border border-stone-300 bg-stone-50 px-1.5 font-mono text-xs">{key}</kbd>
              </td>
              <td className="py-1">{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="mt-4 flex justify-end">
        <Button onClick={onClose}>Close</Button>
      </div>
    </dialog>
  );
}
