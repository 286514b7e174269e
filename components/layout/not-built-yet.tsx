/** An honest placeholder for a section whose issue has not landed: no fake numbers. */
export function NotBuiltYet({ title, what }: { title: string; what: string }) {
  return (
    <section className="space-y-2">
      <h1 className="text-2xl font-semibold">{title}</h1>
      <p className="rounded border border-dashed border-stone-300 bg-white p-6 text-stone-600">
        Not built yet. {what}
      </p>
    </section>
  );
}
