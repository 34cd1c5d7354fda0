import { useRef, type KeyboardEvent } from 'react';
import { useFormsStore, type ReportKind } from './formsStore';
import '../../ui/tabs.css';

export const reportKinds: { kind: ReportKind; label: string }[] = [
  { kind: 'bulkChange', label: 'Bulk change' },
  { kind: 'compliance', label: 'Compliance' },
  { kind: 'deviceHistory', label: 'Device history' },
  { kind: 'reconciliation', label: 'Reconciliation' },
];

/** Which report to build; arrow keys move between the tabs. */
export function ReportTabs({ panelId }: { panelId: string }) {
  const kind = useFormsStore((state) => state.kind);
  const setKind = useFormsStore((state) => state.setKind);
  const list = useRef<HTMLDivElement>(null);

  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    const at = reportKinds.findIndex((tab) => tab.kind === kind);
    const next = reportKinds[(at + step + reportKinds.length) % reportKinds.length]!;
    setKind(next.kind);
    list.current?.querySelector<HTMLButtonElement>(`[data-kind='${next.kind}']`)?.focus();
  };

  return (
    <div ref={list} className="tabs" role="tablist" aria-label="Report" onKeyDown={onKeyDown}>
      {reportKinds.map((tab) => (
        <button
          key={tab.kind}
          id={`report-tab-${tab.kind}`}
          type="button"
          role="tab"
          data-kind={tab.kind}
          className="tabs__tab"
          aria-selected={kind === tab.kind}
          aria-controls={panelId}
          tabIndex={kind === tab.kind ? 0 : -1}
          onClick={() => setKind(tab.kind)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
