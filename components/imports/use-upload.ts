"use client";

import { useCallback, useRef, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { apiErrorMessage } from "./api-response";
import { importKeys } from "./import-keys";
import { fileSentFractions } from "./upload-fractions";

export type UploadOptions = { format: string | null; skipInvalid: boolean };

export type Upload = {
  key: number;
  files: { name: string; bytes: number }[];
  options: UploadOptions;
  /** How much of each file has been sent (0..1), in the order of `files`. */
  sent: number[];
  batchId: number | null;
  error: string | null;
};

/**
 * Uploads with XMLHttpRequest rather than fetch: only XHR reports upload progress. Each call
 * starts one batch; the newest upload comes first.
 */
export function useUpload() {
  const queryClient = useQueryClient();
  const [uploads, setUploads] = useState<Upload[]>([]);
  const lastKey = useRef(0);

  const start = useCallback(
    (files: File[], options: UploadOptions) => {
      if (files.length === 0) return;
      const key = ++lastKey.current;
      const sizes = files.map((file) => file.size);
      const update = (patch: Partial<Upload>) => setUploads((all) => all.map((upload) => (upload.key === key ? { ...upload, ...patch } : upload)));
      setUploads((all) => [
        { key, files: files.map((file) => ({ name: file.name, bytes: file.size })), options, sent: sizes.map(() => 0), batchId: null, error: null },
        ...all,
      ]);

      const form = new FormData();
      for (const file of files) form.append("file", file, file.name);
      const params = new URLSearchParams({ source: "ui" });
      if (options.format) params.set("format", options.format);
      if (options.skipInvalid) params.set("skipInvalid", "true");

      const xhr = new XMLHttpRequest();
      xhr.open("POST", `/api/imports?${params}`);
      xhr.responseType = "json";
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable) update({ sent: fileSentFractions(sizes, event.loaded, event.total) });
      };
      xhr.onload = () => {
        if (xhr.status === 202 && typeof xhr.response?.batchId === "number") {
          update({ batchId: xhr.response.batchId, sent: sizes.map(() => 1) });
          void queryClient.invalidateQueries({ queryKey: importKeys.lists() });
        } else {
          update({ error: apiErrorMessage(xhr.response, xhr.status, "The upload") });
        }
      };
      xhr.onerror = () => update({ error: "The upload failed: the server could not be reached." });
      xhr.send(form);
    },
    [queryClient],
  );

  return { uploads, start };
}
