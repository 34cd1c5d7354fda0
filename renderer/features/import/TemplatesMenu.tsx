import { useRef, useState } from 'react';
import type { AppError } from '../../../shared/contract';
import { ChangeType, changeTypeLabels } from '../../../shared/domain/changes';
import { api } from '../../api/client';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { saveDownload } from '../../ui/download';
import './TemplatesMenu.css';

/** One spreadsheet template per change type, to send to a customer or start from. */
export function TemplatesMenu() {
  const menu = useRef<HTMLDetailsElement>(null);
  const [failure, setFailure] = useState<{ error: AppError; changeType: ChangeType } | null>(null);
  const [fetching, setFetching] = useState<ChangeType | null>(null);

  async function download(changeType: ChangeType) {
    setFetching(changeType);
    setFailure(null);
    const result = await api.invoke('import:template', { changeType });
    setFetching(null);
    if (!result.ok) return setFailure({ error: result.error, changeType });
    saveDownload(result.value);
    if (menu.current) menu.current.open = false;
  }

  return (
    <div className="templates">
      <details ref={menu} className="templates__menu">
        <summary className="button">Templates</summary>
        <ul className="templates__list" aria-label="Download a template">
          {ChangeType.options.map((changeType) => (
            <li key={changeType}>
              <button
                type="button"
                className="templates__item"
                disabled={fetching !== null}
                onClick={() => void download(changeType)}
              >
                {changeTypeLabels[changeType]} template
              </button>
            </li>
          ))}
        </ul>
      </details>
      {failure && (
        <ErrorBanner error={failure.error} onRetry={() => void download(failure.changeType)} />
      )}
    </div>
  );
}
