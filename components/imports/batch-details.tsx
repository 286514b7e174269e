"use client";

import { ErrorTable } from "./error-table";
import { batchErrors } from "./import-types";
import { useImportBatch } from "./use-import-batch";

/** A past batch's error report, loaded when someone asks for it. */
export function BatchDetails({ id }: { id: number }) {
  const { data: batch, error, isPending } = useImportBatch(id);
  if (isPending) return <p className="text-sm text-stone-500">Loading batch #{id}…</p>;
  if (error) return <p role="alert" className="text-sm text-red-700">{error.message}</p>;
  const errors = batchErrors(batch);
  if (!errors || (errors.total === 0 && !errors.failure)) return <p className="text-sm text-stone-500">No errors recorded.</p>;
  return <ErrorTable errors={errors} />;
}
