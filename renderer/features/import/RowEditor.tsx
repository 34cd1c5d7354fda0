import { useId, useState } from 'react';
import type { ImportField } from '../../../shared/contract/imports';
import { editRow } from './importCalls';
import { useImportStore } from './importStore';

interface Props {
  row: number;
  field: ImportField;
  /** The column as the file names it. */
  column: string;
  value: string;
  onDone: () => void;
}

/** Corrects one value of one row in place; the file is checked again once it is saved. */
export function RowEditor({ row, field, column, value, onDone }: Props) {
  const id = useId();
  const [text, setText] = useState(value);
  const busy = useImportStore((state) => state.busy !== null);
  return (
    <form
      className="row-editor"
      onSubmit={(event) => {
        event.preventDefault();
        void editRow(row, field, text.trim()).then((saved) => saved && onDone());
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onDone();
      }}
    >
      <label className="visually-hidden" htmlFor={id}>
        {`${column} in row ${row}`}
      </label>
      <input
        id={id}
        className="control mono row-editor__input"
        value={text}
        maxLength={200}
        autoFocus
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => setText(event.target.value)}
      />
      <button type="submit" className="button button--small button--primary" disabled={busy}>
        Save and check again
      </button>
      <button type="button" className="button button--small" onClick={onDone}>
        Cancel
      </button>
    </form>
  );
}
