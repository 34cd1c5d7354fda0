import { useMemo, type CSSProperties } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { rowAt } from '../../ui/pageCache';
import { usePagedRows } from '../../ui/usePagedRows';
import { PREVIEW_PAGE, usePreviewStore } from './previewStore';
import '../../ui/grid.css';
import './ReportGrid.css';

const ROW_HEIGHT = 30;
/** The sticky header row and its bottom border (ReportGrid.css), above the first row. */
const HEADER_HEIGHT = 31;
const ROWS_BEFORE_COUNT = 6;
const LOOKAHEAD_ROWS = 60;
/** About one character of the grid's text; columns are sized to their first page's longest cell. */
const CHAR_WIDTH = 8;
const CELL_PADDING = 28;
const [NARROWEST, WIDEST] = [80, 360];

/** One track per column, wide enough for its header and the first page's cells, within bounds. */
function tracksFor(columns: readonly string[], sample: readonly (readonly string[])[]): number[] {
  return columns.map((column, at) => {
    const longest = Math.max(column.length, ...sample.map((row) => row[at]?.length ?? 0));
    return Math.round(Math.min(WIDEST, Math.max(NARROWEST, longest * CHAR_WIDTH + CELL_PADDING)));
  });
}

/** The report's rows as core will write them, every cell as text, pulled a page at a time. */
export function ReportGrid({ label, columns }: { label: string; columns: readonly string[] }) {
  const { total, pages, generation, ensurePages } = usePreviewStore(
    useShallow((state) => ({
      total: state.total,
      pages: state.pages,
      generation: state.generation,
      ensurePages: state.ensurePages,
    })),
  );
  const firstPage = pages.get(0);
  const { scroller, virtualizer, items } = usePagedRows({
    total,
    pageSize: PREVIEW_PAGE,
    rowHeight: ROW_HEIGHT,
    headerHeight: HEADER_HEIGHT,
    rowsBeforeCount: ROWS_BEFORE_COUNT,
    lookahead: LOOKAHEAD_ROWS,
    overscan: 10,
    generation,
    ensurePages,
  });
  const widths = useMemo(() => tracksFor(columns, firstPage ?? []), [columns, firstPage]);
  const minWidth = widths.reduce((sum, width) => sum + width, 0);
  const tracks = widths.map((width) => `minmax(${width}px, 1fr)`).join(' ');
  const placed = (top: number): CSSProperties => ({
    transform: `translateY(${top}px)`,
    height: ROW_HEIGHT,
    gridTemplateColumns: tracks,
  });

  return (
    <div
      ref={scroller}
      className="grid report-grid"
      role="table"
      aria-label={label}
      aria-rowcount={total === null ? -1 : total + 1}
      tabIndex={0}
      // A short report needs no tall empty box; ReportGrid.css caps the height of a long one.
      style={{ height: virtualizer.getTotalSize() + HEADER_HEIGHT + 2 }}
    >
      <div className="grid__head" role="rowgroup" style={{ minWidth }}>
        <div
          className="report-grid__row"
          role="row"
          aria-rowindex={1}
          style={{ gridTemplateColumns: tracks }}
        >
          {columns.map((column) => (
            <div key={column} className="report-grid__cell" role="columnheader">
              {column}
            </div>
          ))}
        </div>
      </div>
      <div
        className="grid__body"
        role="rowgroup"
        style={{ height: virtualizer.getTotalSize(), minWidth }}
      >
        {items.map((item) => {
          const row = total === null ? undefined : rowAt(pages, item.index, PREVIEW_PAGE);
          return (
            <div
              key={item.key}
              className="report-grid__row"
              role="row"
              aria-rowindex={item.index + 2}
              aria-busy={row ? undefined : true}
              style={placed(item.start - HEADER_HEIGHT)}
            >
              {columns.map((column, at) => {
                const cell = row?.[at];
                return (
                  <div key={at} className="report-grid__cell" role="cell" title={cell}>
                    {row ? cell : <span className="report-grid__placeholder" />}
                  </div>
                );
              })}
            </div>
          );
        })}
      </div>
    </div>
  );
}
