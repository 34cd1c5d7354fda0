import { useId, type ReactNode } from 'react';
import '../../ui/controls.css';

interface Props {
  label: string;
  /** What the field does when left empty, or any other short help. */
  hint?: ReactNode;
  /** The spreadsheet column that gives this value per row, when one is mapped. */
  fromColumn?: string;
  /** The control, given the ids its label and hint use. */
  children: (ids: { id: string; describedBy: string }) => ReactNode;
}

/** A labelled form control with its hint; says so when the file gives the value per row. */
export function FormField({ label, hint, fromColumn, children }: Props) {
  const id = useId();
  const describedBy = `${id}-hint`;
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children({ id, describedBy })}
      {fromColumn ? (
        <p id={describedBy} className="field__hint field__hint--file">
          From the file’s column “{fromColumn}”. Optional here: it fills rows that leave that column
          empty.
        </p>
      ) : (
        hint && (
          <p id={describedBy} className="field__hint">
            {hint}
          </p>
        )
      )}
    </div>
  );
}
