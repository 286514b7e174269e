"use client";

import { useState } from "react";

/** Copies the step's deep link (this page's URL with `#step-N`). */
export function CopyLinkButton({ idx }: { idx: number }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(new URL(`#step-${idx}`, window.location.href).href);
      setState("copied");
    } catch {
      setState("failed");
    }
    window.setTimeout(() => setState("idle"), 2000);
  };
  return (
    <button type="button" onClick={copy} aria-label={`Copy link to step ${idx}`} className="rounded border border-stone-300 px-1.5 hover:bg-stone-100">
      {state === "copied" ? "Copied" : state === "failed" ? "Copy failed" : "Copy link"}
    </button>
  );
}
