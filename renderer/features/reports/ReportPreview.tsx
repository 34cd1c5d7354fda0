import { useShallow } from 'zustand/react/shallow';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { formatCount } from '../../ui/format';
import { ExportBar } from './ExportBar';
import type { ReportKind } from './formsStore';
import { usePreviewStore } from './previewStore';
import { ReportGrid } from './ReportGrid';

/** The report on screen, if it is of this kind: its summary, its rows, and the export. */
export function ReportPreview({ kind }: { kind: ReportKind }) {
  const { spec, header, total, error, reload } = usePreviewStore(
    useShallow((state) => ({
      spec: state.spec?.kind === kind ? state.spec : null,
      header: state.header,
      total: state.total,
      error: state.error,
      reload: state.reload,
    })),
  );
  if (!spec) return null;
  // A report that is not there (no such device) or asked for wrongly answers the same again.
  const retry = error && error.code !== 'not_found' && error.code !== 'invalid_request';
  if (error && !header) return <ErrorBanner error={error} onRetry={retry ? reload : undefined} />;
  if (!header) return <p className="reports__muted">Reading the report…</p>;
  return (
    <section className="reports__preview" aria-labelledby="report-title">
      <h2 id="report-title" className="section-title">
        {header.title}
      </h2>
      <dl className="reports__summary" aria-label="Summary">
        {header.summary.map(({ label, value }) => (
          <div key={label} className="reports__summary-line">
            <dt>{label}</dt>
            <dd>{value || '—'}</dd>
          </div>
        ))}
      </dl>
      <ExportBar spec={spec} />
      {error && <ErrorBanner error={error} onRetry={retry ? reload : undefined} />}
      <p className="reports__muted" role="status">
        {total === 0
          ? 'No rows: nothing in this report matches.'
          : `${formatCount(total ?? 0)} ${total === 1 ? 'row' : 'rows'}; times are in ${spec.timeZone ?? 'this computer’s zone'}.`}
      </p>
      {total !== 0 && <ReportGrid label={header.title} columns={header.columns} />}
    </section>
  );
}
