import type { ReactNode } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { resolveActor } from "@/lib/auth/actor";
import { AppNav } from "@/components/layout/app-nav";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const actor = await resolveActor(await headers());
  if (!actor) redirect("/sign-in");
  return (
    <div className="flex min-h-screen flex-col">
      <AppNav actorName={actor.type === "user" ? actor.email : actor.name} role={actor.role} />
      <main className="mx-auto w-full max-w-screen-2xl flex-1 px-6 py-6">{children}</main>
    </div>
  );
}
