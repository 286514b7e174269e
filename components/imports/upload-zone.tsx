"use client";

import { useId, useState, type DragEvent } from "react";
import type { UploadOptions } from "./use-upload";

type UploadZoneProps = { formats: readonly string[]; onFiles: (files: File[], options: UploadOptions) => void };

/** Dropping files or choosing them starts an import at once, with the options set above. */
export function UploadZone({ formats, onFiles }: UploadZoneProps) {
  const inputId = useId();
  const skipId = useId();
  const [isDragging, setIsDragging] = useState(false);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [format, setFormat] = useState("");
  const send = (files: File[]) => onFiles(files, { format: format || null, skipInvalid });

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setIsDragging(false);
    send([...event.dataTransfer.files]);
  };

  return (
    <div className="space-y-3 rounded border border-stone-200 bg-white p-4">
      <div
        onDragOver={(event) => {
          event.preventDefault();
          setIsDragging(true);
        }}
        onDragLeave={() => setIsDragging(false)}
        onDrop={onDrop}
        className={`flex flex-col items-center gap-2 rounded border-2 border-dashed p-8 text-center ${isDragging ? "border-blue-500 bg-blue-50" : "border-stone-300 bg-stone-50"}`}
      >
        <p className="text-stone-700">Drag and drop trajectory files here, several at once, or</p>
        <input
          id={inputId}
          type="file"
          multiple
          className="peer sr-only"
          onChange={(event) => {
            send([...(event.target.files ?? [])]);
            // Cleared so that choosing the same file again is a new import.
            event.target.value = "";
          }}
        />
        <label
          htmlFor={inputId}
          className="cursor-pointer rounded bg-stone-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-stone-700 peer-focus-visible:ring-2 peer-focus-visible:ring-blue-500 peer-focus-visible:ring-offset-2"
        >
          Choose files to import
        </label>
        <p className="text-xs text-stone-500">JSONL, JSON or trajectory files; each upload becomes one batch that lands whole or not at all.</p>
      </div>
      <div className="flex flex-wrap items-start gap-6 text-sm">
        <div className="flex max-w-md items-start gap-2">
          <input
            id={skipId}
            type="checkbox"
            className="mt-1"
            aria-describedby={`${skipId}-help`}
            checked={skipInvalid}
            onChange={(event) => setSkipInvalid(event.target.checked)}
          />
          <div>
            <label htmlFor={skipId}>Skip invalid records</label>
            <p id={`${skipId}-help`} className="text-xs text-stone-500">
              Import the valid records and list the rest; otherwise one bad record rejects the batch.
            </p>
          </div>
        </div>
        <label className="flex items-center gap-2">
          Format
          <select className="rounded border border-stone-300 bg-white px-2 py-1" value={format} onChange={(event) => setFormat(event.target.value)}>
            <option value="">Detect automatically</option>
            {formats.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
      </div>
    </div>
  );
}
