import Link from "next/link";
import { hasRole, type Role } from "@/lib/auth/roles";

const tabs = [
  { key: "queues", href: "/review", label: "Queues", role: "viewer" },
  { key: "rubrics", href: "/review/rubrics", label: "Rubrics", role: "viewer" },
  { key: "stats", href: "/review/stats", label: "Statistics", role: "annotator" },
] as const;

export type ReviewTab = (typeof tabs)[number]["key"];

/** The review area's sections; statistics need the annotator role (the API's rule). */
export function ReviewTabs({ current, role }: { current: ReviewTab | null; role: Role }) {
  return (
    <nav aria-label="Review sections">
      <ul className="flex gap-1 border-b border-stone-200">
        {tabs
          .filter((tab) => hasRole(role, tab.role))
          .map((tab) => (
            <li key={tab.key}>
              <Link
                href={tab.href}
                aria-current={tab.key === current ? "page" : undefined}
                className={`-mb-px inline-block border-b-2 px-3 py-2 text-sm ${tab.key === current ? "border-stone-900 font-medium" : "border-transparent text-stone-600 hover:text-stone-900"}`}
              >
                {tab.label}
              </Link>
            </li>
          ))}
      </ul>
    </nav>
  );
}
