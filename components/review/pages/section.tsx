import { useId, type ReactNode } from "react";

/** A titled section of a review page: a region named by its heading. */
export function Section({ title, note, children }: { title: string; note?: ReactNode; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="space-y-3">
      <div>
        <h2 id={id} className="text-lg font-semibold">
          {title}
        </h2>
        {note && <p className="text-sm text-stone-500">{note}</p>}
      </div>
      {children}
    </section>
  );
}
