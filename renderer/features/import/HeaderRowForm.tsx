import { useId, useState } from 'react';
import { configure } from './importCalls';

interface Props {
  headerRow: number;
  disabled: boolean;
}

/** Moves the header to another row (titles above it are skipped); 0 for a file with no header. */
export function HeaderRowForm({ headerRow, disabled }: Props) {
  const id = useId();
  const [text, setText] = useState(String(headerRow));
  const wanted = Number(text);
  const valid = /^\d{1,4}$/.test(text.trim()) && wanted <= 1000;
  return (
    <form
      className="header-row"
      onSubmit={(event) => {
        event.preventDefault();
        if (valid && wanted !== headerRow) void configure({ headerRow: wanted });
      }}
    >
      <div className="field">
        <label className="field__label" htmlFor={id}>
          Header is on row
        </label>
        <div className="header-row__controls">
          <input
            id={id}
            className="control mono header-row__input"
            inputMode="numeric"
            aria-invalid={!valid}
            aria-describedby={`${id}-hint`}
            value={text}
            disabled={disabled}
            onChange={(event) => setText(event.target.value)}
          />
          <button
            type="submit"
            className="button"
            disabled={disabled || !valid || wanted === headerRow}
          >
            Read again
          </button>
        </div>
        <p id={`${id}-hint`} className="field__hint">
          Rows above it are skipped. 0 if the file has no header row.
        </p>
      </div>
    </form>
  );
}
