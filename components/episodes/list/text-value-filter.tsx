"use client";

import { useState, type FormEvent } from "react";

type Props = { label: string; hint: string; placeholder: string; onAdd: (value: string) => void };

/** A typed value (an instance id, a path pattern) added to the filter on Enter; chips show what is set. */
export function TextValueFilter({ label, hint, placeholder, onAdd }: Props) {
  const [text, setText] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() === "") return;
    onAdd(text);
    setText("");
  };
  return (
    <form className="border-b border-stone-200 py-2" onSubmit={submit}>
      <label className="block text-sm font-semibold text-stone-800">
        {label}
        <input
          type="text"
          placeholder={placeholder}
          className="mt-1 w-full rounded border border-stone-300 px-2 py-1 text-xs font-normal"
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
      </label>
      <p className="mt-1 text-xs text-stone-500">{hint}</p>
    </form>
  );
}
