/** The header row of the app's data tables: one plain column header per name. */
export function TableHead({ headers }: { headers: readonly string[] }) {
  return (
    <thead className="bg-stone-100 text-left text-stone-600">
      <tr>
        {headers.map((header) => (
          <th key={header} className="px-3 py-2">
            {header}
          </th>
        ))}
      </tr>
    </thead>
  );
}
