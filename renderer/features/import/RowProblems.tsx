import { useShallow } from 'zustand/react/shallow';
import type { RowResult } from '../../../shared/contract/imports';
import { useImportStore } from './importStore';
import { RowEditor } from './RowEditor';
import { useRowsStore } from './rowsStore';

/**
 * A row's problems in full: the column, the value as the file has it and what to do. A value
 * the desk can correct has a Correct button that opens an editor in place.
 */
export function RowProblems({ row, editable }: { row: RowResult; editable: boolean }) {
  const busy = useImportStore((state) => state.busy !== null);
  const { editing, edit } = useRowsStore(
    useShallow((state) => ({ editing: state.editing, edit: state.edit })),
  );
  if (row.problems.length === 0) return <span className="rows-grid__none">—</span>;
  return (
    <ul className="row-problems">
      {row.problems.map((problem, index) => {
        // A problem without a column (the whole row) can't be corrected by retyping one value.
        const { column } = problem;
        // Core names the field the value is for, even where two columns share a header.
        const field = editable && column !== null ? problem.field : null;
        const open = editing?.row === row.row && editing.problem === index;
        return (
          <li key={index} className="row-problems__item" data-severity={problem.severity}>
            {column !== null && <span className="row-problems__where">{column}</span>}{' '}
            {problem.value !== '' && (
              <span className="row-problems__value mono">{problem.value}</span>
            )}{' '}
            <span className="row-problems__message">{problem.message}</span>
            {field && column !== null && !open && (
              <button
                type="button"
                className="button button--small button--quiet row-problems__fix"
                disabled={busy}
                aria-label={`Correct ${column} in row ${row.row}`}
                onClick={() => edit({ row: row.row, problem: index })}
              >
                Correct
              </button>
            )}
            {field && column !== null && open && (
              <RowEditor
                row={row.row}
                field={field}
                column={column}
                value={problem.value}
                onDone={() => edit(null)}
              />
            )}
          </li>
        );
      })}
    </ul>
  );
}
