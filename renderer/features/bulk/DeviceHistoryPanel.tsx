import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { BulkRow } from '../../../shared/contract/bulkView';
import { carrierLabels } from '../../../shared/domain/carriers';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { changesText, noteOf } from './ChangeRowsGridRow';
import { useDeviceHistoryStore, type HistoryEntry } from './deviceHistoryStore';
import { useDeviceRowsStore } from './deviceRowsStore';
import { accountLabel, rowStatusLabels, rowStatusPart } from './labels';
import { ResolveDialog } from './ResolveDialog';
import './DeviceHistoryPanel.css';

const time = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'medium',
});

/** `12 Mar 2026, 14:05:09`: calls seconds apart need their seconds. */
function exactTime(iso: string): string {
  const when = new Date(iso);
  return Number.isNaN(when.getTime()) ? iso : time.format(when);
}

/** JSON laid out to read; anything else as it was logged. */
function readable(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

function Entry({ entry }: { entry: HistoryEntry }) {
  return (
    <li className="device-history__entry" data-errors={entry.hasErrors}>
      <details open={entry.hasErrors}>
        <summary>
          <time dateTime={entry.at}>{exactTime(entry.at)}</time>
          <span className="device-history__status mono">{entry.status}</span>
          <span className="device-history__by">{entry.by}</span>
        </summary>
        {entry.request !== null && (
          <>
            <h4>Request</h4>
            <pre className="device-history__text mono">{readable(entry.request)}</pre>
          </>
        )}
        {entry.response !== null && (
          <>
            <h4>Response</h4>
            <pre className="device-history__text mono">{readable(entry.response)}</pre>
          </>
        )}
        {entry.request === null && entry.response === null && (
          <p className="device-history__muted">No request or response was logged for this step.</p>
        )}
      </details>
    </li>
  );
}

/** One device change in full: its row, and every request and answer from the audit log. */
export function DeviceHistoryPanel({ row }: { row: BulkRow }) {
  const { entries, error, load } = useDeviceHistoryStore(
    useShallow((state) => ({ entries: state.entries, error: state.error, load: state.load })),
  );
  const select = useDeviceRowsStore((state) => state.select);
  const [resolving, setResolving] = useState(false);
  const device = row.iccid
    ? `ICCID ${row.iccid}`
    : row.imei
      ? `IMEI ${row.imei}`
      : `device change ${row.deviceChangeId}`;
  const note = noteOf(row);

  // Read again whenever the row moves on (another attempt, an answer from the carrier).
  useEffect(() => {
    void load(row.deviceChangeId);
  }, [row.deviceChangeId, row.updatedAt, row.status, load]);

  return (
    <aside className="device-history" aria-label={`History of ${device}`}>
      <div className="device-history__head">
        <h2 className="section-title mono">{device}</h2>
        <button
          type="button"
          className="button button--small button--quiet"
          onClick={() => select(null)}
        >
          Close
        </button>
      </div>
      <dl className="device-history__facts">
        {row.imei && row.iccid && (
          <>
            <dt>IMEI</dt>
            <dd className="mono">{row.imei}</dd>
          </>
        )}
        <dt>Carrier</dt>
        <dd>
          {row.carrier
            ? row.accountName
              ? accountLabel(row.carrier, row.accountName)
              : carrierLabels[row.carrier]
            : 'In the console'}
        </dd>
        <dt>Change</dt>
        <dd>{changesText(row) || '—'}</dd>
        <dt>Status</dt>
        <dd>
          <span className="status-dot" data-part={rowStatusPart[row.status]} aria-hidden />{' '}
          {rowStatusLabels[row.status]} after {row.attempts}{' '}
          {row.attempts === 1 ? 'attempt' : 'attempts'}
        </dd>
        {note && (
          <>
            <dt>{row.resolution ? 'Resolution' : row.lastError ? 'Last error' : 'Note'}</dt>
            <dd>{note}</dd>
          </>
        )}
      </dl>
      {row.status === 'NEEDS_REVIEW' && (
        <button type="button" className="button" onClick={() => setResolving(true)}>
          Resolve this row…
        </button>
      )}
      <h3 className="device-history__title">Requests and answers</h3>
      {error && <ErrorBanner error={error} onRetry={() => void load(row.deviceChangeId)} />}
      {entries === null ? (
        !error && <p className="device-history__muted">Reading the audit log…</p>
      ) : entries.length === 0 ? (
        <p className="device-history__muted">
          {row.status === 'PENDING'
            ? 'Nothing sent for this device yet.'
            : 'The audit log holds nothing for this device.'}
        </p>
      ) : (
        <ol className="device-history__list">
          {entries.map((entry) => (
            <Entry key={entry.id} entry={entry} />
          ))}
        </ol>
      )}
      <ResolveDialog
        open={resolving}
        rows={1}
        deviceChangeIds={[row.deviceChangeId]}
        onClose={() => setResolving(false)}
      />
    </aside>
  );
}
