import { useId, useState, type ReactNode } from 'react';
import type { AppError } from '../../../shared/contract';
import type { ReportFile } from '../../../shared/contract/reports';
import { api, inDesktopApp } from '../../api/client';
import { ErrorBanner } from '../../ui/ErrorBanner';

/**
 * A file core wrote: its name, what is in it, and where it is. The desktop app can show it in
 * the file manager; the browser build cannot, so the full path is there to select or copy.
 */
export function SavedFile({ file, children }: { file: ReportFile; children: ReactNode }) {
  const [revealError, setRevealError] = useState<AppError | null>(null);
  const [showPath, setShowPath] = useState(!inDesktopApp);
  const [copied, setCopied] = useState(false);
  const pathId = useId();

  async function reveal() {
    const result = await api.invoke('reports:reveal', { path: file.path });
    if (result.ok) return setRevealError(null);
    // The browser build has no file manager to open: the path is the next best thing.
    if (result.error.code === 'unavailable') return setShowPath(true);
    setRevealError(result.error);
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText(file.path);
      setCopied(true);
    } catch {
      // No clipboard here: the path stays selected for Ctrl+C.
      document.getElementById(pathId)?.focus();
    }
  }

  return (
    <div className="reports__saved" role="status">
      <p>
        Saved <strong className="mono">{file.fileName}</strong> — {children}
      </p>
      <div className="reports__saved-actions">
        {inDesktopApp && (
          <button type="button" className="button button--small" onClick={() => void reveal()}>
            Show in folder
          </button>
        )}
        {showPath && (
          <>
            <label className="visually-hidden" htmlFor={pathId}>
              Where the file is
            </label>
            <input
              id={pathId}
              className="control mono reports__path"
              readOnly
              value={file.path}
              onFocus={(event) => event.currentTarget.select()}
            />
            <button type="button" className="button button--small" onClick={() => void copy()}>
              {copied ? 'Copied' : 'Copy path'}
            </button>
          </>
        )}
      </div>
      {revealError && <ErrorBanner error={revealError} />}
    </div>
  );
}
