import { notFound } from "next/navigation";
import { ExportDetail } from "@/components/exports/export-detail";
import { requirePageRole } from "@/lib/auth/permission";

export const metadata = { title: "Export" };

export default async function ExportPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePageRole("reviewer", `/exports/${id}`);
  const exportId = Number(id);
  if (!Number.isInteger(exportId) || exportId <= 0) notFound();
  return <ExportDetail id={exportId} canRun />;
}
