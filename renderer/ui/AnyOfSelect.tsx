/** A select of "any" (the empty value) or one of `options`, as filters offer them. */
export function AnyOfSelect<T extends string | number>(props: {
  id: string;
  value: T | null;
  options: readonly { value: T; label: string }[];
  /** The option's value back from the select's text. */
  parse: (text: string) => T;
  onChange: (value: T | null) => void;
  anyLabel?: string;
}) {
  return (
    <select
      id={props.id}
      className="control"
      value={props.value ?? ''}
      onChange={(event) =>
        props.onChange(event.target.value ? props.parse(event.target.value) : null)
      }
    >
      <option value="">{props.anyLabel ?? 'Any'}</option>
      {props.options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}
