import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { AppError } from '../../../shared/contract';
import type { ImportCheck } from '../../../shared/contract/imports';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { formatCount } from '../../ui/format';
import { DraftTitleForm } from './DraftTitleForm';
import { exportDraft, submit } from './importCalls';
import { setSkipErrors, useImportStore } from './importStore';
import './FinishBar.css';

const rows = (n: number) => `${formatCount(n)} ${n === 1 ? 'row' : 'rows'}`;

/** Submit what the dry run showed, or keep it as a draft; sticks to the bottom of the page. */
export function FinishBar({ check }: { check: ImportCheck }) {
  const { skipErrors, draft, busy, fileName } = useImportStore(
    useShallow((state) => ({
      skipErrors: state.skipErrors,
      draft: state.draft,
      busy: state.busy,
      fileName: state.source?.kind === 'file' ? state.source.sheet.fileName : null,
    })),
  );
  const [naming, setNaming] = useState(false);
  const [exportError, setExportError] = useState<AppError | null>(null);
  const ready = check.ok + check.warnings;
  const blocked = check.errors > 0 && !skipErrors;
  const devices = `${formatCount(ready)} ${ready === 1 ? 'device' : 'devices'}`;

  return (
    <div className="finish-bar" role="region" aria-label="Submit or save">
      {exportError && <ErrorBanner error={exportError} />}
      {naming ? (
        <DraftTitleForm
          initial={draft?.title ?? fileName?.replace(/\.[^.]+$/, '') ?? ''}
          onDone={() => setNaming(false)}
        />
      ) : (
        <div className="finish-bar__row">
          {check.errors > 0 && (
            <label className="finish-bar__skip">
              <input
                type="checkbox"
                checked={skipErrors}
                disabled={busy !== null}
                onChange={(event) => setSkipErrors(event.target.checked)}
              />
              Leave out the {rows(check.errors)} with errors
            </label>
          )}
          {blocked && (
            <p className="finish-bar__why">
              Correct the rows with errors, or leave them out, to submit.
            </p>
          )}
          <span className="finish-bar__spacer" />
          {draft && (
            <button
              type="button"
              className="button"
              disabled={busy !== null}
              onClick={async () => setExportError(await exportDraft(draft.id))}
            >
              Export draft
            </button>
          )}
          <button
            type="button"
            className="button"
            disabled={busy !== null}
            onClick={() => setNaming(true)}
          >
            Save as draft…
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={blocked || ready === 0 || busy !== null}
            onClick={() => void submit()}
          >
            {busy === 'submit' ? 'Submitting…' : `Submit ${devices}`}
          </button>
        </div>
      )}
    </div>
  );
}
