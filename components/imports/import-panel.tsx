"use client";

import { UploadProgress } from "./upload-progress";
import { UploadZone } from "./upload-zone";
import { useUpload } from "./use-upload";

export function ImportPanel({ formats }: { formats: readonly string[] }) {
  const { uploads, start } = useUpload();
  return (
    <div className="space-y-4">
      <UploadZone formats={formats} onFiles={start} />
      {uploads.map((upload) => (
        <UploadProgress key={upload.key} upload={upload} />
      ))}
    </div>
  );
}
