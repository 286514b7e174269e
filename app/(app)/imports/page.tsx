import { NotBuiltYet } from "@/components/layout/not-built-yet";

export const metadata = { title: "Imports" };

export default function ImportsPage() {
  return <NotBuiltYet title="Imports" what="Until the import page lands, use the CLI: npm run atelier -- import FILES." />;
}
