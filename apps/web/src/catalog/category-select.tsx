'use client';

interface Props {
  id: string;
  label: string;
  /** The option for "no category" (e.g. "No category", "Top level"). */
  emptyLabel: string;
  categories: { id: string; name: string }[];
  /** A category id, or '' for none. */
  value: string;
  onChange(value: string): void;
}

/** A labelled select over the store's categories, with a first option for none. */
export function CategorySelect({ id, label, emptyLabel, categories, value, onChange }: Props) {
  return (
    <div className="v-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{emptyLabel}</option>
        {categories.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
    </div>
  );
}
