"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

type CommentFormProps = {
  label: string;
  placeholder: string;
  submitLabel: string;
  isPending: boolean;
  error: Error | null;
  onAdd: (body: string, done: () => void) => void;
};

/** A textbox and a button; the text clears once the comment is saved. */
export function CommentForm({ label, placeholder, submitLabel, isPending, error, onAdd }: CommentFormProps) {
  const [body, setBody] = useState("");
  return (
    <form
      className="space-y-1"
      onSubmit={(event) => {
        event.preventDefault();
        if (body.trim() !== "") onAdd(body, () => setBody(""));
      }}
    >
      <textarea
        aria-label={label}
        placeholder={placeholder}
        value={body}
        onChange={(event) => setBody(event.target.value)}
        rows={2}
        className="w-full rounded border border-stone-300 px-2 py-1 text-sm"
      />
      <div className="flex items-center gap-2">
        <Button type="submit" size="sm" disabled={isPending || body.trim() === ""}>
          {submitLabel}
        </Button>
        {error && (
          <p role="alert" className="text-sm text-red-700">
            {error.message}
          </p>
        )}
      </div>
    </form>
  );
}
