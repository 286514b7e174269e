import { redirect } from "next/navigation";

/** The admin area has one page so far. */
export default function AdminPage() {
  redirect("/admin/audit");
}
