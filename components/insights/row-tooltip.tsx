import type { TooltipContentProps } from "recharts";

/** The hovered row's sentence, as text. */
export function RowTooltip({ active, payload }: Partial<TooltipContentProps<number, string>>) {
  const row = active ? (payload?.[0]?.payload as { description?: string; href?: string | null } | undefined) : undefined;
  if (!row?.description) return null;
  return (
    <div className="max-w-xs rounded border border-stone-200 bg-white px-2 py-1 text-xs shadow">
      <p>{row.description}</p>
      {row.href && <p className="text-stone-500">Click to open these episodes</p>}
    </div>
  );
}
