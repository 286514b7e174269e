"use client";

import { useCallback, useId, useRef, useState, type KeyboardEvent } from "react";
import { Button } from "@/components/ui/button";
import { authClient } from "@/lib/auth/client";
import { hasRole, isRole } from "@/lib/auth/roles";
import { BulkActionDialog, type BulkActionKind } from "./bulk-action-dialog";
import { QueueFromFilterDialog } from "./queue-from-filter-dialog";
import { useDismiss } from "./use-dismiss";

type MenuAction = BulkActionKind | "queue";

const items: { action: MenuAction; label: string; isAdminOnly?: boolean }[] = [
  { action: "label_add", label: "Add label…" },
  { action: "label_remove", label: "Remove label…" },
  { action: "set_review", label: "Set review status…" },
  { action: "queue", label: "Send to a new review queue…", isAdminOnly: true },
  { action: "delete", label: "Delete…" },
];

/** The signed-in user's role from the session (read fresh per request on the server). */
function useRole() {
  const { data } = authClient.useSession();
  const role: unknown = (data?.user as { role?: unknown } | undefined)?.role;
  return isRole(role) ? role : null;
}

type BulkActionsProps = { query: string; total: number; isTotalEstimated: boolean };

/** The "Bulk actions" menu: every action applies to the whole filtered set, after a confirmation with the exact count. */
export function BulkActions({ query, total, isTotalEstimated }: BulkActionsProps) {
  const role = useRole();
  // Bulk acting needs the reviewer role; creating a queue is an admin's.
  const canBulkAct = role !== null && hasRole(role, "reviewer");
  const isAdmin = role !== null && hasRole(role, "admin");
  const [isOpen, setIsOpen] = useState(false);
  const [action, setAction] = useState<MenuAction | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const close = useCallback(() => setIsOpen(false), []);
  useDismiss(ref, isOpen, close);
  if (!canBulkAct) return null;

  const scope = total === 0 ? "No episodes match" : `${isTotalEstimated ? "About" : "All"} ${total.toLocaleString("en-US")} matching episodes`;

  const moveFocus = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    event.preventDefault();
    const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>("[role=menuitem]:not(:disabled)")];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    buttons[(at + (event.key === "ArrowDown" ? 1 : buttons.length - 1)) % buttons.length]?.focus();
  };

  return (
    <div className="flex items-center gap-3">
      <div ref={ref} className="relative">
        <Button aria-haspopup="menu" aria-expanded={isOpen} aria-controls={menuId} onClick={() => setIsOpen(!isOpen)}>
          Bulk actions ▾
        </Button>
        {isOpen && (
          <div className="absolute left-0 top-full z-20 mt-1 w-64 rounded border border-stone-200 bg-white py-1 shadow-lg">
            <p className="px-3 py-1 text-xs text-stone-500">{scope}</p>
            <ul id={menuId} role="menu" aria-label="Bulk actions" onKeyDown={moveFocus}>
              {items.filter((item) => !item.isAdminOnly || isAdmin).map((item, i) => (
                <li key={item.action} role="none">
                  <button
                    type="button"
                    role="menuitem"
                    autoFocus={i === 0}
                    disabled={total === 0}
                    onClick={() => {
                      setIsOpen(false);
                      setMessage(null);
                      setAction(item.action);
                    }}
                    className={`block w-full px-3 py-1.5 text-left text-sm hover:bg-stone-100 focus:bg-stone-100 focus:outline-none disabled:text-stone-400 ${item.action === "delete" ? "text-red-700" : ""}`}
                  >
                    {item.label}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
      {message && (
        <p role="status" className="text-sm text-stone-700">
          {message}
        </p>
      )}
      {action === "queue" && (
        <QueueFromFilterDialog
          query={query}
          onClose={() => setAction(null)}
          onDone={(result) => {
            setAction(null);
            setMessage(result);
          }}
        />
      )}
      {action && action !== "queue" && (
        <BulkActionDialog
          action={action}
          query={query}
          onClose={() => setAction(null)}
          onDone={(result) => {
            setAction(null);
            setMessage(result);
          }}
        />
      )}
    </div>
  );
}
