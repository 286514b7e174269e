"use client";

import { useEffect, useRef, useState } from "react";
import { isTypingTarget } from "./use-row-keys";

type Props = { value: string | undefined; onSearch: (q: string) => void };

const DEBOUNCE_MS = 300;

/** Full-text search over task, patch and steps; `/` jumps here. Typing replaces the URL, debounced. */
export function SearchBox({ value, onSearch }: Props) {
  const [text, setText] = useState(value ?? "");
  const input = useRef<HTMLInputElement>(null);

  // Follow the URL when it changes elsewhere (a chip removed, Back), not while it echoes our typing.
  useEffect(() => {
    setText((current) => (current.trim() === (value ?? "") ? current : (value ?? "")));
  }, [value]);

  useEffect(() => {
    if (text.trim() === (value ?? "")) return;
    const timer = setTimeout(() => onSearch(text), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, value, onSearch]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return;
      event.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);

  return (
    <div className="relative min-w-64 flex-1">
      <input
        ref={input}
        maxLength={500}
        type="search"
        aria-label="Search episodes"
        placeholder='Search task, patch and steps — "exact phrase", -exclude, or   ( / )'
        className="w-full rounded border border-stone-300 bg-white px-3 py-1.5 text-sm"
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Escape") event.currentTarget.blur();
        }}
      />
    </div>
  );
}
