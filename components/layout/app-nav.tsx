import Link from "next/link";
import { NavLink } from "./nav-link";
import { SignOutButton } from "./sign-out-button";

const sections = [
  { href: "/episodes", label: "Episodes" },
  { href: "/review", label: "Review" },
  { href: "/exports", label: "Exports" },
  { href: "/imports", label: "Imports" },
  { href: "/insights", label: "Insights" },
];

export function AppNav({ actorName, role }: { actorName: string; role: string }) {
  return (
    <header className="border-b border-stone-200 bg-white">
      <nav aria-label="Main" className="mx-auto flex max-w-screen-2xl items-center gap-6 px-6 py-3">
        <Link href="/episodes" className="text-lg font-semibold tracking-tight">
          Atelier
        </Link>
        <ul className="flex gap-1">
          {sections.map((section) => (
            <li key={section.href}>
              <NavLink href={section.href}>{section.label}</NavLink>
            </li>
          ))}
          {role === "admin" && (
            <li>
              <NavLink href="/admin">Admin</NavLink>
            </li>
          )}
        </ul>
        <div className="ml-auto flex items-center gap-3 text-sm text-stone-600">
          <span>
            {actorName} <span className="rounded bg-stone-100 px-1.5 py-0.5 text-xs">{role}</span>
          </span>
          <SignOutButton />
        </div>
      </nav>
    </header>
  );
}
