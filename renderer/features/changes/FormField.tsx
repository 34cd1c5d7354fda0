import type { ReactNode } from 'react';
import { Field } from '../../ui/Field';

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
  return (
    <Field
      label={label}
      hintFromFile={Boolean(fromColumn)}
      hint={
        fromColumn
          ? `From the file’s column “${fromColumn}”. Optional here: it fills rows that leave that column empty.`
          : hint
      }
    >
      {children}
    </Field>
  );
}
