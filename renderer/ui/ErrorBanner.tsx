import type { AppError } from '../../shared/contract';
import './ErrorBanner.css';

interface Props {
  error: AppError;
  onRetry?: () => void;
}

/** Something core could not do, in its own words, with a way to try again. */
export function ErrorBanner({ error, onRetry }: Props) {
  return (
    <div className="error-banner" role="alert">
      <p className="error-banner__message">{error.message}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
