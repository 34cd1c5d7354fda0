import { useShallow } from 'zustand/react/shallow';
import { useNavigation } from '../../app/navigationStore';
import { deviceCount, formatCount } from '../../ui/format';
import { currentSelection, selectedCount, useSelectionStore } from './selectionStore';
import { toQuery, useDevicesStore } from './store';
import './SelectionBar.css';

/**
 * Always in view under the grid: how many devices are selected and what selecting means
 * under these filters, with Select all, Clear and the way on to a change.
 */
export function SelectionBar() {
  const { selection, ended, note, selectAllMatching, clear, restoreEnded } = useSelectionStore(
    useShallow((state) => ({
      selection: state.selection,
      ended: state.ended,
      note: state.note,
      selectAllMatching: state.selectAllMatching,
      clear: state.clear,
      restoreEnded: state.restoreEnded,
    })),
  );
  const { total, totalIsStale, filters, setFilters } = useDevicesStore(
    useShallow((state) => ({
      total: state.total,
      totalIsStale: state.totalIsStale,
      filters: state.filters,
      setFilters: state.setFilters,
    })),
  );
  const count = selectedCount(selection);
  const canSelectAll =
    total !== null &&
    total > 0 &&
    !totalIsStale &&
    !(selection.kind === 'filter' && selection.except.size === 0);

  const summary =
    selection.kind === 'filter'
      ? selection.except.size === 0
        ? `All ${deviceCount(count)} matching these filters selected`
        : `${formatCount(count)} selected: all ${formatCount(selection.matching)} matching, less ${formatCount(selection.except.size)} unticked`
      : `${formatCount(count)} selected`;
  const hint =
    selection.kind === 'filter'
      ? 'Changing the filters ends this selection.'
      : selection.kind === 'ids'
        ? 'Kept when you change the filters.'
        : null;

  function undo() {
    if (!ended) return;
    setFilters(ended.filters);
    restoreEnded();
  }

  function change() {
    const current = currentSelection();
    if (current) useNavigation.getState().changeDevices(current.selection, current.count);
  }

  return (
    <section className="selection-bar" aria-label="Selection">
      <div className="selection-bar__text">
        <p className="selection-bar__count" aria-live="polite">
          {summary}
        </p>
        {hint && <p className="selection-bar__hint">{hint}</p>}
        {ended && (
          <p className="selection-bar__hint" aria-live="polite">
            The filters changed, so the selection of all{' '}
            {formatCount(selectedCount(ended.selection))} matching the earlier filters ended.{' '}
            <button type="button" className="selection-bar__link" onClick={undo}>
              Undo
            </button>
          </p>
        )}
        {note && (
          <p className="selection-bar__hint" role="alert">
            {note}
          </p>
        )}
      </div>
      {canSelectAll && (
        <button
          type="button"
          className="button"
          onClick={() => selectAllMatching(toQuery(filters), total)}
        >
          Select all {formatCount(total)} matching
          {/* A select-all can't add to rows ticked one by one: it takes their place. */}
          {selection.kind === 'ids' && ' instead'}
        </button>
      )}
      {count > 0 && (
        <button type="button" className="button" onClick={clear}>
          Clear
        </button>
      )}
      <button
        type="button"
        className="button button--primary"
        disabled={count === 0}
        onClick={change}
      >
        Change selected devices…
      </button>
    </section>
  );
}
