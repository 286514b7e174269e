import { NotBuiltYet } from "@/components/layout/not-built-yet";

export const metadata = { title: "Exports" };

export default function ExportsPage() {
  return <NotBuiltYet title="Exports" what="Recipes and reproducible training-mixture exports will live here." />;
}
