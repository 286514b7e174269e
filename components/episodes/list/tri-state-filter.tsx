type Props = { title: string; value: boolean | undefined; onChange: (value: boolean | undefined) => void };

const options = [
  { label: "Any", value: undefined },
  { label: "Yes", value: true },
  { label: "No", value: false },
] as const;

/** Yes / no / either, for a property an episode has or lacks. */
export function TriStateFilter({ title, value, onChange }: Props) {
  return (
    <fieldset className="flex items-center justify-between py-1.5">
      <legend className="float-left text-sm font-semibold text-stone-800">{title}</legend>
      <div className="flex overflow-hidden rounded border border-stone-300 text-xs">
        {options.map((option) => (
          <label key={option.label} className={`cursor-pointer px-2 py-0.5 has-[:checked]:bg-stone-800 has-[:checked]:text-white has-[:focus-visible]:ring-2`}>
            <input type="radio" className="sr-only" name={title} checked={value === option.value} onChange={() => onChange(option.value)} />
            {option.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
