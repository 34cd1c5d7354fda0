import { formatCount } from '../ui/format';
import { useProgressStore } from './progressStore';
import './ProgressIndicator.css';

/** Long work still running in core, such as seeding the sandbox; nothing when all is done. */
export function ProgressIndicator() {
  const running = useProgressStore((state) => state.running);
  const [first, ...others] = Object.values(running);
  if (!first) return null;
  return (
    <div className="progress" role="status">
      <span className="progress__label">
        {first.label}
        {others.length > 0 && ` and ${others.length} more`}
      </span>
      <progress className="progress__bar" max={first.total} value={first.done} aria-hidden />
      <span className="progress__count mono">
        {formatCount(first.done)} / {formatCount(first.total)}
      </span>
    </div>
  );
}
