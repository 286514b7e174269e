"use client";

import { useLayoutEffect, useRef, useState, type ReactNode } from "react";

/** Shows the first few lines of server-rendered content, with a toggle when there is more. */
export function ExpandableBox({ label, children }: { label: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [isOpen, setIsOpen] = useState(false);
  const [isOverflowing, setIsOverflowing] = useState(false);
  useLayoutEffect(() => {
    const box = ref.current;
    if (box) setIsOverflowing(box.scrollHeight > box.clientHeight + 4);
  }, []);
  return (
    <div>
      <div ref={ref} className={`rounded bg-stone-50 p-3 ${isOpen ? "" : "max-h-48 overflow-hidden"}`}>
        {children}
      </div>
      {(isOverflowing || isOpen) && (
        <button type="button" onClick={() => setIsOpen(!isOpen)} aria-expanded={isOpen} className="mt-1 text-xs text-blue-700 hover:underline">
          {isOpen ? `Show less of the ${label}` : `Show the whole ${label}`}
        </button>
      )}
    </div>
  );
}
