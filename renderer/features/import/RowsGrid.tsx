import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ImportCheck } from '../../../shared/contract/imports';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { rowAt } from '../../ui/pageCache';
import { usePagedRows } from '../../ui/usePagedRows';
import { RowsGridRow, rowsColumns, rowsTracks } from './RowsGridRow';
import { RowsTabs } from './RowsTabs';
import { ROWS_PAGE, useRowsStore } from './rowsStore';
import './RowsGrid.css';

/** A row before its problems and changes are known; rows grow to fit them. */
const ESTIMATED_ROW = 44;
/** The sticky header row and its border, above the first row (RowsGrid.css). */
const HEADER_HEIGHT = 31;
const ROWS_BEFORE_COUNT = 8;
const LOOKAHEAD_ROWS = 40;

/** Every row of the dry run, virtualized, pulled from core a page at a time. */
export function RowsGrid({ check, editable }: { check: ImportCheck; editable: boolean }) {
  const { total, pages, generation, error, ensurePages, reload } = useRowsStore(
    useShallow((state) => ({
      total: state.total,
      pages: state.pages,
      generation: state.generation,
      error: state.error,
      ensurePages: state.ensurePages,
      reload: state.showCheck,
    })),
  );
  const gridId = useId();
  const { scroller, virtualizer, items } = usePagedRows({
    total,
    pageSize: ROWS_PAGE,
    rowHeight: ESTIMATED_ROW,
    headerHeight: HEADER_HEIGHT,
    rowsBeforeCount: ROWS_BEFORE_COUNT,
    lookahead: LOOKAHEAD_ROWS,
    overscan: 6,
    generation,
    ensurePages,
  });

  return (
    <div className="rows-grid">
      <RowsTabs check={check} controls={gridId} />
      {error && <ErrorBanner error={error} onRetry={() => reload(check.importId)} />}
      {total === 0 ? (
        <p className="rows-grid__empty" id={gridId}>
          No rows to show here.
        </p>
      ) : (
        <div
          ref={scroller}
          id={gridId}
          className="rows-grid__scroller"
          role="table"
          aria-label="Rows of the dry run"
          aria-rowcount={total === null ? -1 : total + 1}
          tabIndex={0}
          // A short file needs no tall empty box; RowsGrid.css caps the height for long ones.
          style={{ height: virtualizer.getTotalSize() + HEADER_HEIGHT + 2 }}
        >
          <div className="rows-grid__head" role="rowgroup">
            <div
              className="rows-grid__row"
              role="row"
              aria-rowindex={1}
              style={{ gridTemplateColumns: rowsTracks }}
            >
              {rowsColumns.map((header) => (
                <div key={header} className="rows-grid__cell" role="columnheader">
                  {header}
                </div>
              ))}
            </div>
          </div>
          <div
            className="rows-grid__body"
            role="rowgroup"
            style={{ height: virtualizer.getTotalSize() }}
          >
            {items.map((item) => (
              <RowsGridRow
                key={item.key}
                index={item.index}
                top={item.start - HEADER_HEIGHT}
                row={total === null ? undefined : rowAt(pages, item.index, ROWS_PAGE)}
                measure={virtualizer.measureElement}
                editable={editable}
              />
            ))}
          </div>
        </div>
      )}
    </div>
  );
}
