"use client";

import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";

const keys: [string, string][] = [
  ["j", "next step"],
  ["k", "previous step"],
  ["e", "expand or collapse the focused step"],
  ["/", "search this episode"],
  ["n", "next episode in the list"],
  ["p", "previous episode in the list"],
  ["?", "show these keys"],
  ["Esc", "close this dialog or leave the search box"],
];

/** The keyboard reference, as a native modal dialog (focus trap and Escape from the browser). */
export function KeysDialog({ isOpen, onClose }: { isOpen: boolean; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (isOpen && !dialog.open) dialog.showModal();
    if (!isOpen && dialog.open) dialog.close();
  }, [isOpen]);
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
          {keys.map(([key, what]) => (
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
