import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { AppError } from '../../../shared/contract';
import type { DraftSummary } from '../../../shared/contract/imports';
import { changeTypeLabels } from '../../../shared/domain/changes';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { formatDateTime } from '../../ui/dateTime';
import { formatCount } from '../../ui/format';
import { useDraftsStore } from './draftsStore';
import { exportDraft, openDraft } from './importCalls';
import { useImportStore } from './importStore';
import './DraftsList.css';

/** Saved drafts: reopen one to check it again and submit, export it, or delete it. */
export function DraftsList() {
  const { drafts, error, load } = useDraftsStore(
    useShallow((state) => ({ drafts: state.drafts, error: state.error, load: state.load })),
  );
  const [exportError, setExportError] = useState<AppError | null>(null);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="drafts" aria-labelledby="drafts-title">
      <h2 id="drafts-title" className="section-title">
        Drafts
      </h2>
      {error && <ErrorBanner error={error} onRetry={() => void load()} />}
      {exportError && <ErrorBanner error={exportError} />}
      {drafts === null ? (
        !error && <p className="drafts__empty">Reading drafts…</p>
      ) : drafts.length === 0 ? (
        <p className="drafts__empty">
          No drafts yet. After checking a file, save it as a draft to finish it later or on another
          workstation.
        </p>
      ) : (
        <table className="table drafts__table" aria-labelledby="drafts-title">
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Change</th>
              <th scope="col" className="num">
                Rows
              </th>
              <th scope="col">From</th>
              <th scope="col">Updated</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {drafts.map((draft) => (
              <DraftRow
                key={draft.id}
                draft={draft}
                onExport={async () => setExportError(await exportDraft(draft.id))}
              />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function DraftRow({ draft, onExport }: { draft: DraftSummary; onExport: () => Promise<void> }) {
  const remove = useDraftsStore((state) => state.remove);
  const busy = useImportStore((state) => state.busy !== null);
  const [confirming, setConfirming] = useState(false);
  const submitted = draft.status === 'submitted';
  return (
    <tr>
      <th scope="row" className="drafts__title">
        {draft.title}
        {submitted && (
          <span className="drafts__submitted">
            Submitted as {draft.bulkChangeIds.map((id) => `#${id}`).join(', ')}
          </span>
        )}
      </th>
      <td>{changeTypeLabels[draft.changeType]}</td>
      <td className="num">{formatCount(draft.rows)}</td>
      <td className="drafts__source" title={`Created by ${draft.createdBy}`}>
        {draft.sourceName}
      </td>
      <td>{formatDateTime(draft.updatedAt)}</td>
      <td className="drafts__actions">
        {confirming ? (
          <span role="group" aria-label={`Delete draft ${draft.title}?`}>
            <span className="drafts__confirm">Delete “{draft.title}”?</span>
            <button
              type="button"
              className="button button--small button--danger"
              onClick={() => void remove(draft.id)}
            >
              Delete
            </button>
            <button
              type="button"
              className="button button--small"
              autoFocus
              onClick={() => setConfirming(false)}
            >
              Keep
            </button>
          </span>
        ) : (
          <>
            <button
              type="button"
              className="button button--small"
              disabled={busy}
              aria-label={`Open draft ${draft.title}`}
              title={submitted ? 'Submitting it again makes new bulk changes.' : undefined}
              onClick={() => void openDraft(draft.id)}
            >
              Open
            </button>
            <button
              type="button"
              className="button button--small"
              aria-label={`Export draft ${draft.title}`}
              onClick={() => void onExport()}
            >
              Export
            </button>
            <button
              type="button"
              className="button button--small button--quiet"
              aria-label={`Delete draft ${draft.title}`}
              onClick={() => setConfirming(true)}
            >
              Delete
            </button>
          </>
        )}
      </td>
    </tr>
  );
}
