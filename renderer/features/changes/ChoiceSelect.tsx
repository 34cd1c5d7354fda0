import type { SelectHTMLAttributes } from 'react';

export interface Choice {
  value: string;
  label: string;
  /** Choices with a group are shown under its heading (an account, a tenant). */
  group?: string;
}

interface Props extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange' | 'value'> {
  value: string;
  onChange: (value: string) => void;
  /** The label of the empty choice: what happens when nothing is picked. */
  empty: string;
  choices: readonly Choice[];
}

const groupsOf = (choices: readonly Choice[]) => {
  const groups = new Map<string, Choice[]>();
  for (const choice of choices) {
    const key = choice.group ?? '';
    groups.set(key, [...(groups.get(key) ?? []), choice]);
  }
  return groups;
};

/**
 * A select over catalog choices, grouped when they come from more than one account or tenant.
 * A value no longer offered (say from a reopened draft) stays visible rather than silently
 * turning into the empty choice.
 */
export function ChoiceSelect({ value, onChange, empty, choices, className, ...rest }: Props) {
  const groups = groupsOf(choices);
  const known = value === '' || choices.some((choice) => choice.value === value);
  return (
    <select
      {...rest}
      className={`control ${className ?? ''}`.trim()}
      value={value}
      onChange={(event) => onChange(event.target.value)}
    >
      <option value="">{empty}</option>
      {!known && <option value={value}>{value} (not in the current list)</option>}
      {groups.size <= 1
        ? choices.map((choice) => (
            <option key={`${choice.group}:${choice.value}`} value={choice.value}>
              {choice.label}
            </option>
          ))
        : [...groups].map(([group, members]) => (
            <optgroup key={group} label={group}>
              {members.map((choice) => (
                <option key={choice.value} value={choice.value}>
                  {choice.label}
                </option>
              ))}
            </optgroup>
          ))}
    </select>
  );
}
