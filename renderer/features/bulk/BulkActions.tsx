import { isFinalBulkStatus } from '../../../shared/domain/changes';
import { useState } from 'react';
import { useNavigation } from '../../app/navigationStore';
import { formatCount } from '../../ui/format';
import {
  cancelRemaining,
  downloadFailedRows,
  pause,
  resume,
  retryFailed,
  submitDraft,
  type BulkAction,
} from './bulkViewStore';
import type { ProgressModel } from './progressModel';
import { ResolveDialog } from './ResolveDialog';

const devices = (n: number) => `${formatCount(n)} ${n === 1 ? 'device' : 'devices'}`;

/** Pause or resume, cancel what is not sent, retry failures, resolve reviews, take failed rows away. */
export function BulkActions({ model, busy }: { model: ProgressModel; busy: BulkAction | null }) {
  const [confirmingCancel, setConfirmingCancel] = useState(false);
  const [resolving, setResolving] = useState(false);
  const { counts, status, paused } = model;
  const open = !isFinalBulkStatus(status);
  const unsent = counts.PENDING;
  const disabled = busy !== null;
  const openReport = useNavigation((state) => state.openReport);

  return (
    <div className="bulk-actions" role="group" aria-label="Actions">
      {status === 'DRAFT' && (
        <button
          type="button"
          className="button button--primary"
          disabled={disabled}
          onClick={() => void submitDraft()}
        >
          {busy === 'submit' ? 'Submitting…' : `Submit ${devices(model.total)}`}
        </button>
      )}
      {open && status !== 'DRAFT' && !paused && (
        <button type="button" className="button" disabled={disabled} onClick={() => void pause()}>
          {busy === 'pause' ? 'Pausing…' : 'Pause'}
        </button>
      )}
      {open && paused && (
        <button
          type="button"
          className="button button--primary"
          disabled={disabled}
          onClick={() => void resume()}
        >
          {busy === 'resume' ? 'Resuming…' : 'Resume'}
        </button>
      )}
      {open && unsent > 0 && !confirmingCancel && (
        <button
          type="button"
          className="button button--danger"
          disabled={disabled}
          onClick={() => setConfirmingCancel(true)}
        >
          Cancel remaining…
        </button>
      )}
      {open && confirmingCancel && (
        <span className="bulk-actions__confirm" role="group" aria-label="Cancel the rest?">
          <span>Cancel the {devices(unsent)} not sent yet? Calls already at a carrier finish.</span>
          <button
            type="button"
            className="button button--danger"
            disabled={disabled}
            onClick={async () => {
              if (await cancelRemaining()) setConfirmingCancel(false);
            }}
          >
            {busy === 'cancel' ? 'Cancelling…' : 'Cancel remaining'}
          </button>
          <button
            type="button"
            className="button"
            autoFocus
            onClick={() => setConfirmingCancel(false)}
          >
            Keep going
          </button>
        </span>
      )}
      {counts.FAILED > 0 && (
        <button
          type="button"
          className="button"
          disabled={disabled}
          onClick={() => void retryFailed()}
        >
          {busy === 'retry' ? 'Queuing again…' : `Retry ${formatCount(counts.FAILED)} failed`}
        </button>
      )}
      {counts.NEEDS_REVIEW > 0 && (
        <button
          type="button"
          className="button"
          disabled={disabled}
          onClick={() => setResolving(true)}
        >
          Resolve {formatCount(counts.NEEDS_REVIEW)} to review…
        </button>
      )}
      {counts.FAILED > 0 && (
        <span className="bulk-actions__download" role="group" aria-label="Download the failed rows">
          <span className="bulk-actions__label">Failed rows:</span>
          {(['xlsx', 'csv'] as const).map((format) => (
            <button
              key={format}
              type="button"
              className="button button--small"
              disabled={disabled}
              aria-label={`Download failed rows as ${format}`}
              title="The failed rows in the import template's layout, with the reason per row, to correct and import again."
              onClick={() => void downloadFailedRows(format)}
            >
              {format}
            </button>
          ))}
        </span>
      )}
      <button
        type="button"
        className="button"
        title="The bulk change report: preview, export, evidence pack."
        onClick={() => openReport(model.bulkChangeId)}
      >
        Report…
      </button>
      <ResolveDialog
        open={resolving}
        rows={counts.NEEDS_REVIEW}
        deviceChangeIds={undefined}
        onClose={() => setResolving(false)}
      />
    </div>
  );
}
