import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { formatCount } from '../../ui/format';
import { rowsTabs, useDeviceRowsStore } from './deviceRowsStore';
import type { StatusCounts } from './progressModel';
import '../../ui/tabs.css';

/** Long enough to finish typing a number, short enough to feel live. */
const TYPING_PAUSE_MS = 250;

const countOf = (counts: StatusCounts, statuses: readonly (keyof StatusCounts)[]) =>
  statuses.length === 0
    ? Object.values(counts).reduce((sum, n) => sum + n, 0)
    : statuses.reduce((sum, status) => sum + counts[status], 0);

/** Which rows the grid shows (status tabs with live counts; arrow keys move between them) and the id search. */
export function RowsToolbar({ counts, controls }: { counts: StatusCounts; controls: string }) {
  const { tab, setTab, draft, setDraft, applySearch } = useDeviceRowsStore(
    useShallow((state) => ({
      tab: state.tab,
      setTab: state.setTab,
      draft: state.searchDraft,
      setDraft: state.setSearchDraft,
      applySearch: state.applySearch,
    })),
  );
  const list = useRef<HTMLDivElement>(null);
  const searchId = useId();

  useEffect(() => {
    const timer = setTimeout(applySearch, TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [draft, applySearch]);

  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    const at = rowsTabs.findIndex((t) => t.tab === tab);
    const next = rowsTabs[(at + step + rowsTabs.length) % rowsTabs.length]!;
    setTab(next.tab);
    list.current?.querySelector<HTMLButtonElement>(`[data-tab='${next.tab}']`)?.focus();
  };

  return (
    <div className="rows-toolbar">
      <div
        ref={list}
        className="tabs"
        role="tablist"
        aria-label="Rows to show"
        onKeyDown={onKeyDown}
      >
        {rowsTabs.map((t) => (
          <button
            key={t.tab}
            type="button"
            role="tab"
            data-tab={t.tab}
            className="tabs__tab"
            aria-selected={tab === t.tab}
            aria-controls={controls}
            tabIndex={tab === t.tab ? 0 : -1}
            onClick={() => setTab(t.tab)}
          >
            {t.label}{' '}
            <span className="tabs__count">{formatCount(countOf(counts, t.statuses))}</span>
          </button>
        ))}
      </div>
      <label className="visually-hidden" htmlFor={searchId}>
        Find a device by ICCID or IMEI
      </label>
      <input
        id={searchId}
        className="control mono rows-toolbar__search"
        type="search"
        placeholder="Find ICCID or IMEI"
        autoComplete="off"
        spellCheck={false}
        maxLength={64}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') applySearch();
        }}
      />
    </div>
  );
}
