import { useRef, type KeyboardEvent } from 'react';
import type { ImportCheck } from '../../../shared/contract/imports';
import { formatCount } from '../../ui/format';
import { useRowsStore, type Show } from './rowsStore';
import '../../ui/tabs.css';

const tabs: { show: Show; label: string; count: (check: ImportCheck) => number }[] = [
  { show: 'all', label: 'All', count: (check) => check.total },
  { show: 'errors', label: 'Errors', count: (check) => check.errors },
  { show: 'warnings', label: 'Warnings', count: (check) => check.warnings },
  { show: 'ok', label: 'Ready', count: (check) => check.ok },
];

/** Which rows the grid shows; arrow keys move between the tabs. */
export function RowsTabs({ check, controls }: { check: ImportCheck; controls: string }) {
  const show = useRowsStore((state) => state.show);
  const setShow = useRowsStore((state) => state.setShow);
  const list = useRef<HTMLDivElement>(null);

  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    const at = tabs.findIndex((tab) => tab.show === show);
    const next = tabs[(at + step + tabs.length) % tabs.length]!;
    setShow(next.show);
    list.current?.querySelector<HTMLButtonElement>(`[data-show='${next.show}']`)?.focus();
  };

  return (
    <div ref={list} className="tabs" role="tablist" aria-label="Rows to show" onKeyDown={onKeyDown}>
      {tabs.map((tab) => (
        <button
          key={tab.show}
          type="button"
          role="tab"
          data-show={tab.show}
          className="tabs__tab"
          aria-selected={show === tab.show}
          aria-controls={controls}
          tabIndex={show === tab.show ? 0 : -1}
          onClick={() => setShow(tab.show)}
        >
          {tab.label} <span className="tabs__count">{formatCount(tab.count(check))}</span>
        </button>
      ))}
    </div>
  );
}
