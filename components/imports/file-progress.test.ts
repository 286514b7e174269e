import { describe, expect, it } from "vitest";
import { fileProgress } from "./file-progress";
import type { BatchDetail } from "./import-types";

const files = [
  { name: "a.jsonl", bytes: 100 },
  { name: "b.jsonl", bytes: 300 },
];

function summary(name: string, bytes: number, extra: Partial<BatchDetail["files"][number]> = {}) {
  return { name, format: "mini-swe-agent", bytes, records: 0, imported: 0, duplicates: 0, invalid: 0, attachments: 0, ...extra };
}

function batch(status: BatchDetail["status"], batchFiles: BatchDetail["files"]): BatchDetail {
  return {
    id: 1, status, source: "api", files: batchFiles, imported: 0, duplicates: 0, invalid: 0, startedAt: "", finishedAt: null, undoneAt: null, createdBy: null, errors: [],
  };
}

describe("fileProgress", () => {
  it("shows upload progress until the batch exists", () => {
    const rows = fileProgress(files, [1, 0.5], undefined, false);
    expect(rows.map((r) => [r.phase, r.percent])).toEqual([["Uploading", 100], ["Uploading", 50]]);
  });

  it("follows bytesDone while the batch runs, matching files by name", () => {
    const rows = fileProgress(files, [1, 1], batch("running", [summary("b.jsonl", 300, { bytesDone: 150, imported: 2 })]), false);
    expect(rows.map((r) => [r.phase, r.percent, r.summary?.imported ?? null])).toEqual([["Importing", 0, null], ["Importing", 50, 2]]);
  });

  it("ends in the batch's outcome", () => {
    const finished = [summary("a.jsonl", 100), summary("b.jsonl", 300)];
    expect(fileProgress(files, [1, 1], batch("committed", finished), false)[0]).toMatchObject({ phase: "Done", percent: 100 });
    expect(fileProgress(files, [1, 1], batch("failed", finished), false)[1]).toMatchObject({ phase: "Not imported", percent: 100 });
  });

  it("matches a name the server shortened to its last path segment", () => {
    const rows = fileProgress([{ name: "<b>x</b>.txt", bytes: 5 }], [1], batch("committed", [summary("<b>x</b>.txt", 5, { invalid: 1 })]), false);
    expect(rows[0].summary?.invalid).toBe(1);
  });

  it("keeps what was sent when the upload fails", () => {
    expect(fileProgress(files, [0.25, 0], undefined, true)[0]).toMatchObject({ phase: "Upload failed", percent: 25 });
  });
});
